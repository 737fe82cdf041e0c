/** What the plugin hands each feature after Docsify has rendered a route. */
export interface RenderContext {
  /** Docsify's route path without the leading slash and extension: `chapters/02-yuanyou`, `year/1088`, ``. */
  route: string;
  /** The `id` query of the route (`?id=y1088`), if any. */
  id: string | null;
  section: HTMLElement;
  paragraphs: HTMLParagraphElement[];
  /**
   * The page's file could not be fetched: the section holds the reader's message (shell/failure.ts), not a page,
   * and only the features that decorate nothing (`onFailedPage`) run on it.
   */
  failed: boolean;
}

export interface Feature {
  name: string;
  /** Runs on a page that could not be fetched too (RenderContext.failed): a feature that adds nothing to a page. */
  onFailedPage?: boolean;
  /** Runs once when Docsify mounts. */
  mounted?(): void;
  /**
   * Runs after each render, in feature order; a feature decorates only its own marks. Work it finishes later (data
   * that arrives, idle-time decoration) is a returned promise: the render is ready when every feature's has settled.
   */
  doneEach?(ctx: RenderContext): void | Promise<void>;
  /** Runs once every feature's work for the render has settled, in feature order (for what reads the whole page). */
  ready?(ctx: RenderContext): void | Promise<void>;
}
