// IndexedDB commits a transaction as soon as it has no request pending, and WebCrypto answers
// outside of it. While a value is being sealed or opened, a cheap read keeps the transaction
// alive, and the result is handed back from inside a request callback, where the transaction
// still accepts the next request (the same trick as Dexie.waitFor).
export function keepOpen<T>(trans: IDBTransaction, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settle: (() => void) | null = null;
    work.then(
      (value) => (settle = () => resolve(value)),
      (err: unknown) => (settle = () => reject(err instanceof Error ? err : new Error(String(err)))),
    );
    const store = trans.objectStore(trans.objectStoreNames[0]!);
    const spin = (): void => {
      if (settle) {
        settle();
        return;
      }
      const req = store.get(-Infinity);
      req.onsuccess = spin;
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    };
    spin();
  });
}
