// A small EventEmitter for PouchDB in the browser: pouchdb-browser imports Node's `events`,
// which Vite does not provide (apache/pouchdb#8607, #9078). vite.config.ts aliases `events`
// here for the renderer build. Covers what PouchDB uses: on/once/off, emit, listeners,
// listenerCount, removeAllListeners, setMaxListeners.
type Listener = (...args: unknown[]) => void;

// Per emitter, created on first use: PouchDB also calls these methods on objects that never ran
// the constructor.
const all = new WeakMap<object, Map<string | symbol, Listener[]>>();

export default class EventEmitter {
  private get handlers(): Map<string | symbol, Listener[]> {
    let map = all.get(this);
    if (!map) all.set(this, (map = new Map()));
    return map;
  }

  static listenerCount(ee: EventEmitter, type: string | symbol): number {
    return ee.listenerCount(type);
  }

  on(type: string | symbol, fn: Listener): this {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
    return this;
  }
  addListener(type: string | symbol, fn: Listener): this {
    return this.on(type, fn);
  }
  once(type: string | symbol, fn: Listener): this {
    const wrapped: Listener & { listener?: Listener } = (...args) => {
      this.removeListener(type, wrapped);
      fn.apply(this, args);
    };
    wrapped.listener = fn;
    return this.on(type, wrapped);
  }
  removeListener(type: string | symbol, fn: Listener): this {
    const list = (this.handlers.get(type) ?? []).filter(
      (h) => h !== fn && (h as { listener?: Listener }).listener !== fn,
    );
    if (list.length) this.handlers.set(type, list);
    else this.handlers.delete(type);
    return this;
  }
  off(type: string | symbol, fn: Listener): this {
    return this.removeListener(type, fn);
  }
  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) this.handlers.clear();
    else this.handlers.delete(type);
    return this;
  }
  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = this.handlers.get(type);
    if (!list?.length) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const fn of [...list]) fn.apply(this, args);
    return true;
  }
  listeners(type: string | symbol): Listener[] {
    return (this.handlers.get(type) ?? []).map((h) => (h as { listener?: Listener }).listener ?? h);
  }
  listenerCount(type: string | symbol): number {
    return this.handlers.get(type)?.length ?? 0;
  }
  setMaxListeners(): this {
    return this;
  }
  getMaxListeners(): number {
    return 0;
  }
}

// PouchDB copies the emitter's methods with Object.keys(EE.prototype): they must be enumerable.
for (const key of Object.getOwnPropertyNames(EventEmitter.prototype))
  if (key !== 'constructor' && key !== 'handlers')
    Object.defineProperty(EventEmitter.prototype, key, { enumerable: true });
