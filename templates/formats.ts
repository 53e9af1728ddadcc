// The output formats, apart from the renderer: the command's help and argument check read them
// without loading Handlebars and the layout (render.ts re-exports them).

/** Every output format: the one list the command, the server's baogao/render, the help and the tests read. */
export const OUTPUT_FORMATS = ['txt', 'md', 'html', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** The formats `render` returns as text; DOCX is the bytes of a file (`renderOutput`). */
export type TextFormat = Exclude<OutputFormat, 'docx'>;

export function isOutputFormat(format: unknown): format is OutputFormat {
  return (OUTPUT_FORMATS as readonly unknown[]).includes(format);
}
