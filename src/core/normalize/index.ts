export { normalizeFrames } from './normalize';
export type { NormalizeOptions } from './normalize';
export { MAX_NAMES_SEEN, namesSeenInFrames } from './fieldsSeen';
export type { NamesSeen } from './fieldsSeen';
