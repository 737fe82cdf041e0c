/** esbuild bundles `.tsv` files as their text (scripts/build.ts: `loader: { '.tsv': 'text' }`). */
declare module '*.tsv' {
  const text: string;
  export default text;
}
