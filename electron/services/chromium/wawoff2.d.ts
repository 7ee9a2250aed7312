/** Types for wawoff2's WOFF2 decoder, which ships none. */
declare module 'wawoff2/decompress.js' {
  /** The TrueType/OpenType font a WOFF2 file holds. */
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
