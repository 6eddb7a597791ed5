/** Text safe inside XML/HTML text and attribute values. */
export const xmlEscape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A comment naming what made a file (a `--` cannot end the comment early). */
export const makerComment = (maker: string, command: string) =>
	`<!-- ${maker}: ${xmlEscape(command.replace(/--/g, '- -'))} -->`;
