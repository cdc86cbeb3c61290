/** The part of pym.js (npm `pym.js`, NPR) the embed uses: the child side of its iframe protocol. */
declare module 'pym.js' {
  export interface ChildOptions {
    /** Called with the parent's width when it changes. */
    renderCallback?: (width: number) => void;
    /** Regular expression source for origins whose messages are accepted; default '*'. */
    xdomain?: string;
    /** ms between unprompted height messages; 0 for none. */
    polling?: number;
  }
  export class Child {
    constructor(options?: ChildOptions);
    /** The id the parent knows this child by (the `childId` URL parameter). */
    id: string;
    /** Sends `pym<sep><id><sep><type><sep><message>` to the parent. */
    sendMessage(type: string, message: string): void;
    /** Sends the body's height; called by pym itself when the parent reports a new width. */
    sendHeight(): string;
    onMessage(type: string, callback: (message: string) => void): void;
    remove(): void;
  }
  const pym: { Child: typeof Child };
  export default pym;
}
