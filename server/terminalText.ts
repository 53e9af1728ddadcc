// Text of a report written to a terminal (an excerpt quoted by a finding, a figure's name in a table, a
// file's name): a control character in it would be obeyed — an ESC sequence recolours, clears the screen
// or sets the window's title, a CR goes back over the line so that what follows hides the finding, a
// right-to-left override reverses it — so each is shown as its code point instead (“<U+001B>”).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_OR_LINE_BREAK = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

const visible = (c: string) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;

/** `text` safe for a terminal; line breaks are kept (a message of several lines), tabs too. */
export function forTerminal(text: string): string {
  return text.replace(CONTROL, visible);
}

/** One field of a line of output (a file's name, a finding's message): a line break in it is shown too, so
 * that a line of output is always one finding. */
export function forTerminalLine(text: string): string {
  return text.replace(CONTROL_OR_LINE_BREAK, visible);
}
