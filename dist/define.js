import { createRequire as __concurrencyBenchCreateRequire } from 'node:module';
const require = __concurrencyBenchCreateRequire(import.meta.url);

// src/define.ts
function defineWorkload(workload) {
  return workload;
}
function defineConfig(config) {
  return config;
}
export {
  defineConfig,
  defineWorkload
};
