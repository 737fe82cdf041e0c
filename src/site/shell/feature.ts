/** What the plugin hands each feature after Docsify has rendered a route. */
export interface RenderContext {
  /** Docsify's route path without the leading slash and extension: `chapters/02-yuanyou`, `year/1088`, ``. */
  route: string;
  /** The `id` query of the route (`?id=y1088`), if any. */
  id: string | null;
  section: HTMLElement;
  paragraphs: HTMLParagraphElement[];
}

export interface Feature {
  name: string;
  /** Runs once when Docsify mounts. */
  mounted?(): void;
  /** Runs after each render, in feature order; a feature decorates only its own marks. */
  doneEach?(ctx: RenderContext): void;
}
