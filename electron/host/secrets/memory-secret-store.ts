/** A SecretStore in memory, for tests of the code that uses one (its values are open for assertions). */
import type { SecretStore } from './secret-store';

export function memorySecretStore(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
    names: async () => [...values.keys()],
    describe: () => 'Kept in memory for this test.',
  };
}
