/** polylabel 2 ships no types: its one function, as documented in its README. */
declare module 'polylabel' {
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[];
}
