// What is found once per version of a report (in its model, in a list of its blocks) is kept on the
// object it was found for, and goes when that object goes. Not in a module's WeakMap: V8's
// young-generation collector (the scavenger) holds a WeakMap's values as strongly as a Map's, whatever
// becomes of their keys, until the next full collection. A WeakMap from each keystroke's model to what
// the checks found in it therefore kept every version typed since that collection alive through every
// minor collection: at 300 KB a collection copied 7 MB and took 14 ms each 8 keystrokes (attached:
// 2 MB and 4 ms). A WeakMap stays right for keys that live long (the settings' lists).

/** A WeakMap's `get` and `set`, with each value kept on its key (a property no one else sees). */
export class AttachedMap<K extends object, V> {
  private readonly slot: symbol;
  /** Keys that take no new property (frozen): held as a WeakMap holds them. */
  private readonly sealed = new WeakMap<K, V>();

  constructor(name: string) {
    this.slot = Symbol(name);
  }

  get(key: K): V | undefined {
    const own = (key as Record<symbol, V | undefined>)[this.slot];
    return own !== undefined ? own : this.sealed.get(key);
  }

  set(key: K, value: V): this {
    const holder = key as Record<symbol, V | undefined>;
    if (this.slot in holder) holder[this.slot] = value;
    // Not enumerable: a spread copy of the key ({ ...node }) or a deep comparison does not see it.
    else if (Object.isExtensible(key)) Object.defineProperty(key, this.slot, { value, writable: true, enumerable: false, configurable: false });
    else this.sealed.set(key, value);
    return this;
  }
}
