/** A fault in a data file, located so that a reviewer can go straight to it. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'DataError';
  }
}

/** Several faults at once: a reviewer wants the whole list, not one fault per build. */
export class DataErrors extends Error {
  constructor(readonly errors: DataError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'DataErrors';
  }
}

/** The 1-based line of a code-unit offset in a text (for errors that point into a chapter). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
