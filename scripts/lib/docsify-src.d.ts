// The modules of Docsify's source that scripts/lib/docsify-html.ts imports (Docsify ships them untyped).
declare module 'docsify/src/core/router/history/base.js' {
  export class History {
    constructor(config: object);
    getFile(path: string, isRelative?: boolean): string;
    toURL(path: string, params: object | null, currentRoute?: string): string;
  }
}
declare module 'docsify/src/core/router/util.js' {
  export function parseQuery(query: string): Record<string, string>;
}
declare module 'docsify/src/core/render/slugify.js' {
  export const slugify: ((s: string) => string) & { clear(): void };
}
declare module 'docsify/src/core/render/compiler/heading.js' {
  export function headingCompiler(parts: object): void;
}
declare module 'docsify/src/core/render/compiler/link.js' {
  export function linkCompiler(parts: object): void;
}
declare module 'docsify/src/core/render/compiler/taskList.js' {
  export function taskListCompiler(parts: object): void;
}
declare module 'docsify/src/core/render/compiler/taskListItem.js' {
  export function taskListItemCompiler(parts: object): void;
}
