// fake-indexeddb gives vitest a spec-complete IndexedDB so repositories run unchanged.
import 'fake-indexeddb/auto';
