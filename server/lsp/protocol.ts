// The baogao language server's own requests, beyond LSP. Shared by the server (handlers/ answers them)
// and the VS Code client (client/), so it imports no protocol library: only method names and the JSON
// shapes of params and results. Any LSP client can send them (`baogao lsp --stdio`).

/** A document the server knows: open in the client (didOpen), by URI. */
export interface DocumentParams {
  textDocument: { uri: string };
}

/** Where something is, 0-based like LSP positions. */
export interface SourceLocation {
  uri: string;
  line: number;
  character: number;
}

/**
 * `baogao/render`: the document rendered by `renderOutput(model, format)` (templates/render.ts), in any
 * of its OUTPUT_FORMATS. `format: 'preview'` asks for the best format for a live preview (HTML) — the
 * result says which one it is. DOCX, a binary file, comes base64-encoded (`encoding: 'base64'`).
 */
export namespace RenderRequest {
  export const method = 'baogao/render';
  /** templates/render.ts OUTPUT_FORMATS (a type check in handlers/render.ts keeps the two equal). */
  export type Format = 'txt' | 'md' | 'html' | 'docx';
  export interface Params extends DocumentParams {
    format: Format | 'preview';
    /** Columns of a text line (GB/T 9704: 28); default: the `baogao.lineWidth` setting. */
    width?: number;
    /** Split text output into 22-line pages with page numbers. */
    pages?: boolean;
    /** The writer's template folders (`<folder>/<format>/report.hbs`), searched before the built-in ones. */
    templateFolders?: string[];
  }
  export interface Result {
    format: Format;
    /** The rendering; for DOCX the file's bytes in base64. */
    text: string;
    /** Set for a binary format (DOCX): how `text` encodes the bytes. */
    encoding?: 'base64';
    /** Every format this server renders. */
    formats: string[];
  }
}

/** One figure (指标) of a report, as the figures table shows it. */
export interface FigureRow {
  name: string;
  /** The value as printed ("150起", "98%"); null when it could not be evaluated. */
  value: string | null;
  /** The formula that computes the value (`成功/调处`), or null for a literal. */
  formula: string | null;
  /** The formula a stated value is checked against (`{率 = 98% : 成功/调处}`), or null. */
  check: string | null;
  /** The check formula's result, formatted; null when there is none or it could not be computed. */
  computed: string | null;
  /** Defined with @指标: not printed. */
  hidden: boolean;
  /** Used somewhere other than its definition (or printed where defined). */
  used: boolean;
  /** Diagnostics on the definition (wrong rate, unknown name, …): their codes and messages. */
  problems: Array<{ code: string; message: string }>;
  /** Where it is defined: the report itself or an included snippet. */
  location: SourceLocation;
}

/** `baogao/figures`: every figure defined in the report (snippets included), in order of definition. */
export namespace FiguresRequest {
  export const method = 'baogao/figures';
  export type Params = DocumentParams;
  export interface Result {
    uri: string;
    title: string | null;
    kind: string | null;
    figures: FigureRow[];
  }
}

/** A diagnostic as LSP sends it (a subset: range, severity 1–4, code, message). */
export interface PlainDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 1 | 2 | 3 | 4;
  code: string;
  source: string;
  message: string;
}

/**
 * `baogao/checkWorkspace`: checks every .bg file under the workspace folders that is not open in the
 * client (open ones are checked as you type and published as usual) and returns the diagnostics per file,
 * files without problems included (so a client can clear old results). Cancellable.
 */
export namespace CheckWorkspaceRequest {
  export const method = 'baogao/checkWorkspace';
  /** A client may pass a work-done token to receive progress; otherwise the server creates one. */
  export interface Params {
    workDoneToken?: string | number;
  }
  export interface Result {
    /** `snippet`: a snippet file (`@片段`), counted apart from the reports. */
    files: Array<{ uri: string; diagnostics: PlainDiagnostic[]; snippet?: boolean }>;
  }
}

/**
 * `baogao/checkSource`: reports as they came in — Word (.docx) or text files the reviewer chose — checked
 * through the importer in memory (as `baogao check x.docx`), nothing written. Positions are 0-based in the
 * source: a Word file's lines are its paragraphs (`paragraphs: true`).
 */
export namespace CheckSourceRequest {
  export const method = 'baogao/checkSource';
  export interface Params {
    /** file: URIs of .docx or .txt files. */
    uris: string[];
  }
  export interface Result {
    files: Array<{ uri: string; how?: string; paragraphs?: boolean; excerpt?: boolean; diagnostics: PlainDiagnostic[]; unreadable?: string }>;
  }
}

/**
 * `baogao/preview`: the report's printed pages for the live preview — the lines of the print layout on
 * 22-line pages with page numbers, each line with its source line and marks where something prints as
 * typed because it could not be understood (templates/preview.ts).
 */
export namespace PreviewRequest {
  export const method = 'baogao/preview';
  export interface Params extends DocumentParams {
    /** The `resultId` of the pages the client shows: pages unchanged since then come as `null`. */
    previousResultId?: string;
  }
  export interface Mark {
    /** UTF-16 offsets into the line's text. */
    from: number;
    to: number;
    kind: 'unresolved' | 'broken';
    message: string;
  }
  export interface Line {
    /** The printed text, without the space before it. */
    text: string;
    /** Half-width cells of space before the text. */
    indent: number;
    /** `justify`: a paragraph's line that is not its last fills the line. */
    align: 'justify' | 'start';
    role: 'title' | 'blank' | 'addressee' | 'heading' | 'text' | 'signature';
    /** 0-based source line the text starts on; absent for lines the report does not write (title, signature). */
    source?: number;
    /** Lines of one paragraph (or heading) share this number. */
    block: number;
    marks?: Mark[];
  }
  export interface Result {
    uri: string;
    /** The document version rendered. */
    version: number;
    /** Full-width columns a line, lines a page. */
    width: number;
    linesPerPage: number;
    /**
     * `numbered`: GB/T 9704 7.5 leaves the blank page before the 版记 page, and that page, unnumbered.
     * `null`: the same page as in the result `previousResultId` named (only when one was asked for and
     * the server still knows it; otherwise every page is sent).
     */
    pages: Array<Page | null>;
    /** Nothing to print yet: the editor shows a hint, never an invented title. */
    empty: boolean;
    /** Names these pages for the next request's `previousResultId`. */
    resultId: string;
  }
  export interface Page {
    number: number;
    numbered: boolean;
    lines: Line[];
  }
}

/** `baogao/import`: last year's Word (.docx) or text report → a report in the language (nothing else changed; every removal listed). */
export namespace ImportRequest {
  export const method = 'baogao/import';
  export interface Params {
    /** The .docx or .txt file (a file: URI). */
    uri: string;
    org?: string;
    year?: number;
    yearField?: boolean;
  }
  export interface Result {
    text: string;
    /** How the file was read ("Word 文档", "UTF-8", …). */
    how: string;
    /** What was removed or rewritten, with its line (paragraph for Word) in the source. */
    notes: Array<{ line: number; what: string; why: string }>;
    /** Header directives the source did not give (the writer adds them). */
    missing: string[];
  }
}

/** `baogao/newReport`: next year's report from this year's (`baogao new`). */
export namespace NewReportRequest {
  export const method = 'baogao/newReport';
  export interface Params {
    /** Last year's report (.bg, a file: URI): open or on disk. */
    uri: string;
    /** Where the new report will be written: `@上年` is made relative to it. */
    target: string;
    /** Last year's year, for a report without `@年度` (the editor asks the writer). */
    year?: number;
  }
  export interface Result {
    text: string;
    year: number;
    changed: Array<{ line: number; what: string }>;
    flagged: Array<{ line: number; what: string }>;
  }
}

/** `baogao/collect`: the figures of every report of the workspace (snippets left out), as a table and CSV. */
export namespace CollectRequest {
  export const method = 'baogao/collect';
  export type Params = Record<string, never>;
  export interface Result {
    reports: number;
    figures: number;
    /** Aligned by Chinese character width, for reading. */
    table: string;
    /** For Excel: UTF-8 with a byte-order mark. */
    csv: string;
  }
}

/**
 * `baogao/convertPaste`: text pasted from Word or a web page, in the language (the importer's steps on a
 * fragment: debris and typed heading numbers removed, amounts as figures named apart from the report's).
 * `null` when the text would not change, or is longer than a report's prose (the editor pastes it as it is).
 */
export namespace ConvertPasteRequest {
  export const method = 'baogao/convertPaste';
  export interface Params {
    /** The open report pasted into. */
    textDocument: { uri: string };
    text: string;
    /** Where it is pasted: a typed （一） under a level-1 heading is level 2 (default: the start). */
    position?: { line: number; character: number };
    /** Pasted inside a line: only the amounts become figures. */
    inline: boolean;
  }
  export type Result = { text: string; figures: number; removed: number } | null;
}

// The messages the server shows in a window (window/showMessage), which the VS Code client translates:
// their templates are the core's, as a settings problem is one of them (server/language/windowMessages.ts).
export { WINDOW_MESSAGES, windowMessage, windowMessageParts, type WindowMessageKey } from '../language/windowMessages.js';
