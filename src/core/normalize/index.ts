export { normalizeFrames } from './normalize';
export type { NormalizeOptions } from './normalize';
