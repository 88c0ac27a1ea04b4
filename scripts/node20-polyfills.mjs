// Injected into every bundle by scripts/build.mjs. Chevrotain 12 calls Object.groupBy
// (Node ≥ 21) once, while it analyses the grammar; VS Code releases whose extension host
// is Node 20, and a system Node 20 running the CLI, lack it. The standard behaviour:
if (typeof Object.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value(items, keyOf) {
      const groups = Object.create(null);
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        (groups[key] ??= []).push(item);
      }
      return groups;
    },
  });
}
export {};
