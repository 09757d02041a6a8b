import { createRequire as __concurrencyBenchCreateRequire } from 'node:module';
const require = __concurrencyBenchCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x2) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x2, {
  get: (a2, b) => (typeof require !== "undefined" ? require : a2)[b]
}) : x2)(function(x2) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x2 + '" is not supported');
});
var __commonJS = (cb, mod2) => function __require2() {
  try {
    return mod2 || (0, cb[__getOwnPropNames(cb)[0]])((mod2 = { exports: {} }).exports, mod2), mod2.exports;
  } catch (e2) {
    throw mod2 = 0, e2;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod2, isNodeMode, target) => (target = mod2 != null ? __create(__getProtoOf(mod2)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod2 || !mod2.__esModule ? __defProp(target, "default", { value: mod2, enumerable: true }) : target,
  mod2
));

// node_modules/piscina/package.json
var require_package = __commonJS({
  "node_modules/piscina/package.json"(exports, module) {
    module.exports = {
      name: "piscina",
      version: "5.3.2",
      description: "A fast, efficient Node.js Worker Thread Pool implementation",
      main: "./dist/main.js",
      types: "./dist/index.d.ts",
      exports: {
        types: "./dist/index.d.ts",
        import: "./dist/esm-wrapper.mjs",
        require: "./dist/main.js"
      },
      engines: {
        node: ">=20.x"
      },
      scripts: {
        build: "tsc && gen-esm-wrapper . dist/esm-wrapper.mjs",
        lint: "eslint",
        test: "node scripts/run-tests.js",
        "test:jest": "jest --config test/jest/jest.config.js",
        "test:ci": "npm run lint && npm run build && npm run test:coverage && npm run test:jest",
        "test:coverage": "node scripts/run-tests.js --coverage",
        prepack: "npm run build",
        benchmark: "node --allow-natives-syntax benchmark/index.js --scope all",
        "benchmark:ci": "node --allow-natives-syntax benchmark/index.js --scope all --reporter json | jq '.[] | .name, .opsSec'",
        "benchmark:simple": "node --allow-natives-syntax benchmark/index.js --scope simple:all",
        "benchmark:simple:default": "node --allow-natives-syntax benchmark/index.js --scope simple",
        "benchmark:simple:async": "node --allow-natives-syntax benchmark/index.js --scope simple:async",
        "benchmark:startup": "node --allow-natives-syntax benchmark/index.js --scope startup",
        "benchmark:queue": "node --allow-natives-syntax benchmark/index.js --scope queue"
      },
      repository: {
        type: "git",
        url: "git+https://github.com/piscinajs/piscina.git"
      },
      keywords: [
        "fast",
        "worker threads",
        "thread pool",
        "wade wilson"
      ],
      author: "James M Snell <jasnell@gmail.com>",
      contributors: [
        "Anna Henningsen <anna@addaleax.net>",
        "Matteo Collina <matteo.collina@gmail.com>",
        "Carlos Fuentes <me@metcoder.dev>"
      ],
      license: "MIT",
      devDependencies: {
        "@types/jest": "^30.0.0",
        "@types/node": "^22.4.1",
        "abort-controller": "^3.0.0",
        "bench-node": "^0.7.0",
        "concat-stream": "^2.0.0",
        eslint: "^9.16.0",
        "gen-esm-wrapper": "^1.1.1",
        glob: "^13.0.1",
        jest: "^30.2.0",
        neostandard: "^0.13.0",
        "ts-jest": "^29.4.6",
        tsx: "^4.20.3",
        typescript: "5.8.3"
      },
      optionalDependencies: {
        "@napi-rs/nice": "^1.0.4"
      },
      bugs: {
        url: "https://github.com/piscinajs/piscina/issues"
      },
      homepage: "https://github.com/piscinajs/piscina#readme",
      directories: {
        example: "examples",
        test: "test"
      }
    };
  }
});

// node_modules/piscina/dist/symbols.js
var require_symbols = __commonJS({
  "node_modules/piscina/dist/symbols.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.kFieldCount = exports.kResponseCountField = exports.kRequestCountField = exports.kQueueOptions = exports.kValue = exports.kTransferable = exports.kWorkerData = exports.kMovable = void 0;
    exports.kMovable = /* @__PURE__ */ Symbol("Piscina.kMovable");
    exports.kWorkerData = /* @__PURE__ */ Symbol("Piscina.kWorkerData");
    exports.kTransferable = /* @__PURE__ */ Symbol.for("Piscina.transferable");
    exports.kValue = /* @__PURE__ */ Symbol.for("Piscina.valueOf");
    exports.kQueueOptions = /* @__PURE__ */ Symbol.for("Piscina.queueOptions");
    exports.kRequestCountField = 0;
    exports.kResponseCountField = 1;
    exports.kFieldCount = 2;
  }
});

// node_modules/piscina/dist/abort.js
var require_abort = __commonJS({
  "node_modules/piscina/dist/abort.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.AbortError = void 0;
    exports.onabort = onabort;
    var AbortError = class extends Error {
      constructor(reason) {
        super("The task has been aborted", { cause: reason });
      }
      get name() {
        return "AbortError";
      }
    };
    exports.AbortError = AbortError;
    function onabort(abortSignal, listener) {
      if ("addEventListener" in abortSignal) {
        abortSignal.addEventListener("abort", listener, { once: true });
        return () => abortSignal.removeEventListener("abort", listener);
      } else {
        abortSignal.once("abort", listener);
        return () => abortSignal.removeListener("abort", listener);
      }
    }
  }
});

// node_modules/piscina/dist/common.js
var require_common = __commonJS({
  "node_modules/piscina/dist/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.commonState = exports.READY = void 0;
    exports.isTransferable = isTransferable;
    exports.isMovable = isMovable;
    exports.markMovable = markMovable;
    exports.maybeFileURLToPath = maybeFileURLToPath;
    exports.getAvailableParallelism = getAvailableParallelism;
    exports.withNullPrototype = withNullPrototype;
    exports.promiseResolvers = promiseResolvers;
    var node_url_1 = __require("node:url");
    var node_os_1 = __require("node:os");
    var symbols_1 = require_symbols();
    exports.READY = "_WORKER_READY";
    function isTransferable(value) {
      return value != null && typeof value === "object" && symbols_1.kTransferable in value && symbols_1.kValue in value;
    }
    function isMovable(value) {
      return isTransferable(value) && value[symbols_1.kMovable] === true;
    }
    function markMovable(value) {
      Object.defineProperty(value, symbols_1.kMovable, {
        enumerable: false,
        configurable: true,
        writable: true,
        value: true
      });
    }
    exports.commonState = {
      isWorkerThread: false,
      workerData: void 0
    };
    function maybeFileURLToPath(filename) {
      return filename.startsWith("file:") ? (0, node_url_1.fileURLToPath)(new node_url_1.URL(filename)) : filename;
    }
    function getAvailableParallelism() {
      return (0, node_os_1.availableParallelism)();
    }
    function withNullPrototype(source, overrides) {
      return Object.assign(/* @__PURE__ */ Object.create(null), source, overrides);
    }
    function promiseResolvers() {
      if (Promise.withResolvers != null)
        return Promise.withResolvers();
      let res;
      let rej;
      return {
        promise: new Promise((resolve, reject) => {
          res = resolve;
          rej = reject;
        }),
        resolve: res,
        reject: rej
      };
    }
  }
});

// node_modules/piscina/dist/task_queue/array_queue.js
var require_array_queue = __commonJS({
  "node_modules/piscina/dist/task_queue/array_queue.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod2) {
      return mod2 && mod2.__esModule ? mod2 : { "default": mod2 };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ArrayTaskQueue = void 0;
    var node_assert_1 = __importDefault(__require("node:assert"));
    var ArrayTaskQueue2 = class {
      constructor() {
        this.tasks = [];
      }
      get size() {
        return this.tasks.length;
      }
      shift() {
        var _a;
        return (_a = this.tasks.shift()) !== null && _a !== void 0 ? _a : null;
      }
      push(task) {
        this.tasks.push(task);
      }
      unshift(task) {
        this.tasks.unshift(task);
      }
      remove(task) {
        const index = this.tasks.indexOf(task);
        node_assert_1.default.notStrictEqual(index, -1);
        this.tasks.splice(index, 1);
      }
    };
    exports.ArrayTaskQueue = ArrayTaskQueue2;
  }
});

// node_modules/piscina/dist/task_queue/fixed_queue.js
var require_fixed_queue = __commonJS({
  "node_modules/piscina/dist/task_queue/fixed_queue.js"(exports) {
    "use strict";
    var __classPrivateFieldGet = exports && exports.__classPrivateFieldGet || function(receiver, state, kind, f2) {
      if (kind === "a" && !f2) throw new TypeError("Private accessor was defined without a getter");
      if (typeof state === "function" ? receiver !== state || !f2 : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
      return kind === "m" ? f2 : kind === "a" ? f2.call(receiver) : f2 ? f2.value : state.get(receiver);
    };
    var __classPrivateFieldSet = exports && exports.__classPrivateFieldSet || function(receiver, state, value, kind, f2) {
      if (kind === "m") throw new TypeError("Private method is not writable");
      if (kind === "a" && !f2) throw new TypeError("Private accessor was defined without a setter");
      if (typeof state === "function" ? receiver !== state || !f2 : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
      return kind === "a" ? f2.call(receiver, value) : f2 ? f2.value = value : state.set(receiver, value), value;
    };
    var __importDefault = exports && exports.__importDefault || function(mod2) {
      return mod2 && mod2.__esModule ? mod2 : { "default": mod2 };
    };
    var _FixedQueue_size;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FixedQueue = void 0;
    var node_assert_1 = __importDefault(__require("node:assert"));
    var kSize = 2048;
    var kMask = kSize - 1;
    var FixedCircularBuffer = class {
      constructor() {
        this.bottom = 0;
        this.top = 0;
        this.list = new Array(kSize);
        this.next = null;
      }
      isEmpty() {
        return this.top === this.bottom;
      }
      isFull() {
        return (this.top + 1 & kMask) === this.bottom;
      }
      push(data) {
        this.list[this.top] = data;
        this.top = this.top + 1 & kMask;
      }
      unshift(data) {
        this.bottom = this.bottom - 1 & kMask;
        this.list[this.bottom] = data;
      }
      shift() {
        const nextItem = this.list[this.bottom];
        if (nextItem === void 0) {
          return null;
        }
        this.list[this.bottom] = void 0;
        this.bottom = this.bottom + 1 & kMask;
        return nextItem;
      }
      remove(task) {
        const indexToRemove = this.list.indexOf(task);
        node_assert_1.default.notStrictEqual(indexToRemove, -1);
        let curr = indexToRemove;
        while (true) {
          const next = curr + 1 & kMask;
          this.list[curr] = this.list[next];
          if (this.list[curr] === void 0) {
            break;
          }
          if (next === indexToRemove) {
            this.list[curr] = void 0;
            break;
          }
          curr = next;
        }
        this.top = this.top - 1 & kMask;
      }
    };
    var FixedQueue2 = class {
      constructor() {
        _FixedQueue_size.set(this, 0);
        this.head = this.tail = new FixedCircularBuffer();
      }
      isEmpty() {
        return this.head.isEmpty();
      }
      push(data) {
        var _a;
        if (this.head.isFull()) {
          this.head = this.head.next = new FixedCircularBuffer();
        }
        this.head.push(data);
        __classPrivateFieldSet(this, _FixedQueue_size, (_a = __classPrivateFieldGet(this, _FixedQueue_size, "f"), _a++, _a), "f");
      }
      unshift(data) {
        var _a;
        if (this.tail.isFull()) {
          const newTail = new FixedCircularBuffer();
          newTail.next = this.tail;
          this.tail = newTail;
        }
        this.tail.unshift(data);
        __classPrivateFieldSet(this, _FixedQueue_size, (_a = __classPrivateFieldGet(this, _FixedQueue_size, "f"), _a++, _a), "f");
      }
      shift() {
        var _a;
        const tail = this.tail;
        const next = tail.shift();
        if (next !== null)
          __classPrivateFieldSet(this, _FixedQueue_size, (_a = __classPrivateFieldGet(this, _FixedQueue_size, "f"), _a--, _a), "f");
        if (tail.isEmpty() && tail.next !== null) {
          this.tail = tail.next;
          tail.next = null;
        }
        return next;
      }
      remove(task) {
        var _a;
        let prev = null;
        let buffer = this.tail;
        while (true) {
          if (buffer.list.includes(task)) {
            buffer.remove(task);
            __classPrivateFieldSet(this, _FixedQueue_size, (_a = __classPrivateFieldGet(this, _FixedQueue_size, "f"), _a--, _a), "f");
            break;
          }
          if (buffer.next === null)
            break;
          prev = buffer;
          buffer = buffer.next;
        }
        if (buffer.isEmpty()) {
          if (prev === null) {
            if (buffer.next !== null)
              this.tail = buffer.next;
          } else {
            if (buffer.next === null) {
              this.head = prev;
            } else {
              prev.next = buffer.next;
            }
          }
        }
      }
      get size() {
        return __classPrivateFieldGet(this, _FixedQueue_size, "f");
      }
    };
    exports.FixedQueue = FixedQueue2;
    _FixedQueue_size = /* @__PURE__ */ new WeakMap();
  }
});

// node_modules/piscina/dist/task_queue/index.js
var require_task_queue = __commonJS({
  "node_modules/piscina/dist/task_queue/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TaskInfo = exports.FixedQueue = exports.ArrayTaskQueue = void 0;
    exports.isTaskQueue = isTaskQueue;
    var node_perf_hooks_1 = __require("node:perf_hooks");
    var node_async_hooks_1 = __require("node:async_hooks");
    var abort_1 = require_abort();
    var common_1 = require_common();
    var symbols_1 = require_symbols();
    var array_queue_1 = require_array_queue();
    Object.defineProperty(exports, "ArrayTaskQueue", { enumerable: true, get: function() {
      return array_queue_1.ArrayTaskQueue;
    } });
    var fixed_queue_1 = require_fixed_queue();
    Object.defineProperty(exports, "FixedQueue", { enumerable: true, get: function() {
      return fixed_queue_1.FixedQueue;
    } });
    function isTaskQueue(value) {
      return typeof value === "object" && value !== null && "size" in value && typeof value.shift === "function" && typeof value.remove === "function" && typeof value.push === "function";
    }
    var taskIdCounter = 0;
    var TaskInfo = class extends node_async_hooks_1.AsyncResource {
      constructor({ task, transferList, filename, name, abortSignal, triggerAsyncId }, callback) {
        super("Piscina.Task", { requireManualDestroy: true, triggerAsyncId });
        this.workerInfo = null;
        this.aborted = false;
        this._abortListener = () => {
          this.aborted = true;
        };
        this._abortCleaner = null;
        this.callback = callback;
        this.task = task;
        this.transferList = transferList;
        if ((0, common_1.isMovable)(task)) {
          if (this.transferList == null) {
            this.transferList = [];
          }
          this.transferList = this.transferList.concat(task[symbols_1.kTransferable]);
          this.task = task[symbols_1.kValue];
        }
        this.filename = filename;
        this.name = name;
        this.taskId = taskIdCounter++;
        this.abortSignal = abortSignal;
        this.created = node_perf_hooks_1.performance.now();
        this.started = 0;
      }
      onAbort(value) {
        this._abortListener = () => {
          this.aborted = true;
          value();
        };
      }
      setAbortListener(signal) {
        this._abortCleaner = (0, abort_1.onabort)(signal, this._abortListener);
      }
      releaseTask() {
        const ret = this.task;
        this.task = null;
        return ret;
      }
      // TODO: implement - helpful for streaming chunks of data from worker to parent
      onResponse(_result) {
      }
      done(err, result) {
        var _a;
        this.runInAsyncScope(this.callback, null, err, result);
        this.emitDestroy();
        (_a = this._abortCleaner) === null || _a === void 0 ? void 0 : _a.call(this);
      }
      get [symbols_1.kQueueOptions]() {
        var _a, _b;
        return (_b = (_a = this.task) === null || _a === void 0 ? void 0 : _a[symbols_1.kQueueOptions]) !== null && _b !== void 0 ? _b : null;
      }
      get interface() {
        return {
          taskId: this.taskId,
          filename: this.filename,
          name: this.name,
          created: this.created,
          isAbortable: this.abortSignal !== null,
          [symbols_1.kQueueOptions]: this[symbols_1.kQueueOptions]
        };
      }
    };
    exports.TaskInfo = TaskInfo;
  }
});

// node_modules/piscina/dist/errors.js
var require_errors = __commonJS({
  "node_modules/piscina/dist/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Errors = void 0;
    exports.Errors = {
      ThreadTermination: () => new Error("Terminating worker thread"),
      FilenameNotProvided: () => new Error("filename must be provided to run() or in options object"),
      TaskQueueAtLimit: () => new Error("Task queue is at limit"),
      NoTaskQueueAvailable: () => new Error("No task queue available and all Workers are busy"),
      CloseTimeout: () => new Error("Close operation timed out")
    };
  }
});

// node_modules/piscina/dist/histogram.js
var require_histogram = __commonJS({
  "node_modules/piscina/dist/histogram.js"(exports) {
    "use strict";
    var __classPrivateFieldSet = exports && exports.__classPrivateFieldSet || function(receiver, state, value, kind, f2) {
      if (kind === "m") throw new TypeError("Private method is not writable");
      if (kind === "a" && !f2) throw new TypeError("Private accessor was defined without a setter");
      if (typeof state === "function" ? receiver !== state || !f2 : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
      return kind === "a" ? f2.call(receiver, value) : f2 ? f2.value = value : state.set(receiver, value), value;
    };
    var __classPrivateFieldGet = exports && exports.__classPrivateFieldGet || function(receiver, state, kind, f2) {
      if (kind === "a" && !f2) throw new TypeError("Private accessor was defined without a getter");
      if (typeof state === "function" ? receiver !== state || !f2 : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
      return kind === "m" ? f2 : kind === "a" ? f2.call(receiver) : f2 ? f2.value : state.get(receiver);
    };
    var _PiscinaHistogramHandler_runTime;
    var _PiscinaHistogramHandler_waitTime;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PiscinaHistogramHandler = void 0;
    var node_perf_hooks_1 = __require("node:perf_hooks");
    var PiscinaHistogramHandler = class _PiscinaHistogramHandler {
      constructor() {
        _PiscinaHistogramHandler_runTime.set(this, void 0);
        _PiscinaHistogramHandler_waitTime.set(this, void 0);
        __classPrivateFieldSet(this, _PiscinaHistogramHandler_runTime, (0, node_perf_hooks_1.createHistogram)(), "f");
        __classPrivateFieldSet(this, _PiscinaHistogramHandler_waitTime, (0, node_perf_hooks_1.createHistogram)(), "f");
      }
      get runTimeSummary() {
        return _PiscinaHistogramHandler.createHistogramSummary(__classPrivateFieldGet(this, _PiscinaHistogramHandler_runTime, "f"));
      }
      get waitTimeSummary() {
        return _PiscinaHistogramHandler.createHistogramSummary(__classPrivateFieldGet(this, _PiscinaHistogramHandler_waitTime, "f"));
      }
      get runTimeCount() {
        return __classPrivateFieldGet(this, _PiscinaHistogramHandler_runTime, "f").count;
      }
      recordRunTime(value) {
        __classPrivateFieldGet(this, _PiscinaHistogramHandler_runTime, "f").record(_PiscinaHistogramHandler.toHistogramIntegerNano(value));
      }
      recordWaitTime(value) {
        __classPrivateFieldGet(this, _PiscinaHistogramHandler_waitTime, "f").record(_PiscinaHistogramHandler.toHistogramIntegerNano(value));
      }
      resetWaitTime() {
        __classPrivateFieldGet(this, _PiscinaHistogramHandler_waitTime, "f").reset();
      }
      resetRunTime() {
        __classPrivateFieldGet(this, _PiscinaHistogramHandler_runTime, "f").reset();
      }
      static createHistogramSummary(histogram) {
        const { mean, stddev, min, max } = histogram;
        return {
          average: mean / 1e3,
          mean: mean / 1e3,
          stddev: stddev / 1e3,
          min: min / 1e3,
          max: max / 1e3,
          p0_001: histogram.percentile(1e-3) / 1e3,
          p0_01: histogram.percentile(0.01) / 1e3,
          p0_1: histogram.percentile(0.1) / 1e3,
          p1: histogram.percentile(1) / 1e3,
          p2_5: histogram.percentile(2.5) / 1e3,
          p10: histogram.percentile(10) / 1e3,
          p25: histogram.percentile(25) / 1e3,
          p50: histogram.percentile(50) / 1e3,
          p75: histogram.percentile(75) / 1e3,
          p90: histogram.percentile(90) / 1e3,
          p97_5: histogram.percentile(97.5) / 1e3,
          p99: histogram.percentile(99) / 1e3,
          p99_9: histogram.percentile(99.9) / 1e3,
          p99_99: histogram.percentile(99.99) / 1e3,
          p99_999: histogram.percentile(99.999) / 1e3
        };
      }
      static toHistogramIntegerNano(milliseconds) {
        return Math.max(1, Math.trunc(milliseconds * 1e3));
      }
    };
    exports.PiscinaHistogramHandler = PiscinaHistogramHandler;
    _PiscinaHistogramHandler_runTime = /* @__PURE__ */ new WeakMap(), _PiscinaHistogramHandler_waitTime = /* @__PURE__ */ new WeakMap();
  }
});

// node_modules/piscina/dist/worker_pool/base.js
var require_base = __commonJS({
  "node_modules/piscina/dist/worker_pool/base.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod2) {
      return mod2 && mod2.__esModule ? mod2 : { "default": mod2 };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.AsynchronouslyCreatedResourcePool = exports.AsynchronouslyCreatedResource = void 0;
    var node_assert_1 = __importDefault(__require("node:assert"));
    var AsynchronouslyCreatedResource = class {
      constructor() {
        this.onreadyListeners = [];
        this.ondestroyListeners = [];
      }
      markAsReady() {
        const listeners = this.onreadyListeners;
        (0, node_assert_1.default)(listeners != null);
        this.onreadyListeners = null;
        for (const listener of listeners) {
          listener();
        }
      }
      isReady() {
        return this.onreadyListeners == null;
      }
      onReady(fn) {
        if (this.onreadyListeners == null) {
          fn();
          return;
        }
        this.onreadyListeners.push(fn);
      }
      onDestroy(fn) {
        if (this.ondestroyListeners == null) {
          return;
        }
        this.ondestroyListeners.push(fn);
      }
      markAsDestroyed() {
        const listeners = this.ondestroyListeners;
        (0, node_assert_1.default)(listeners != null);
        this.ondestroyListeners = null;
        for (const listener of listeners) {
          listener();
        }
      }
      isDestroyed() {
        return this.ondestroyListeners == null;
      }
    };
    exports.AsynchronouslyCreatedResource = AsynchronouslyCreatedResource;
    var AsynchronouslyCreatedResourcePool = class {
      constructor(maximumUsage) {
        this.pendingItems = /* @__PURE__ */ new Set();
        this.readyItems = /* @__PURE__ */ new Set();
        this.maximumUsage = maximumUsage;
        this.onAvailableListeners = [];
        this.onTaskDoneListeners = [];
      }
      add(item) {
        this.pendingItems.add(item);
        item.onReady(() => {
          if (this.pendingItems.has(item)) {
            this.pendingItems.delete(item);
            this.readyItems.add(item);
            this.maybeAvailable(item);
          }
        });
      }
      delete(item) {
        this.pendingItems.delete(item);
        this.readyItems.delete(item);
      }
      *[Symbol.iterator]() {
        yield* this.pendingItems;
        yield* this.readyItems;
      }
      get size() {
        return this.pendingItems.size + this.readyItems.size;
      }
      maybeAvailable(item) {
        if (item.currentUsage() < this.maximumUsage) {
          for (const listener of this.onAvailableListeners) {
            listener(item);
          }
        }
      }
      onAvailable(fn) {
        this.onAvailableListeners.push(fn);
      }
      taskDone(item) {
        for (let i2 = 0; i2 < this.onTaskDoneListeners.length; i2++) {
          this.onTaskDoneListeners[i2](item);
        }
      }
      onTaskDone(fn) {
        this.onTaskDoneListeners.push(fn);
      }
      getCurrentUsage() {
        let inFlight = 0;
        for (const worker of this.readyItems) {
          const currentUsage = worker.currentUsage();
          if (Number.isFinite(currentUsage))
            inFlight += currentUsage;
        }
        return inFlight;
      }
    };
    exports.AsynchronouslyCreatedResourcePool = AsynchronouslyCreatedResourcePool;
  }
});

// node_modules/piscina/dist/worker_pool/balancer/index.js
var require_balancer = __commonJS({
  "node_modules/piscina/dist/worker_pool/balancer/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.LeastBusyBalancer = LeastBusyBalancer;
    function LeastBusyBalancer(opts) {
      const { maximumUsage } = opts;
      return (task, workers) => {
        let candidate = null;
        let checkpoint = maximumUsage;
        for (const worker of workers) {
          if (worker.currentUsage === 0) {
            candidate = worker;
            break;
          }
          if (worker.isRunningAbortableTask)
            continue;
          if (task.isAbortable === false && worker.currentUsage < checkpoint) {
            candidate = worker;
            checkpoint = worker.currentUsage;
          }
        }
        return candidate;
      };
    }
  }
});

// node_modules/piscina/dist/worker_pool/index.js
var require_worker_pool = __commonJS({
  "node_modules/piscina/dist/worker_pool/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o2, m2, k2, k22) {
      if (k22 === void 0) k22 = k2;
      var desc = Object.getOwnPropertyDescriptor(m2, k2);
      if (!desc || ("get" in desc ? !m2.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m2[k2];
        } };
      }
      Object.defineProperty(o2, k22, desc);
    }) : (function(o2, m2, k2, k22) {
      if (k22 === void 0) k22 = k2;
      o2[k22] = m2[k2];
    }));
    var __exportStar = exports && exports.__exportStar || function(m2, exports2) {
      for (var p2 in m2) if (p2 !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p2)) __createBinding(exports2, m2, p2);
    };
    var __importDefault = exports && exports.__importDefault || function(mod2) {
      return mod2 && mod2.__esModule ? mod2 : { "default": mod2 };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.AsynchronouslyCreatedResourcePool = exports.WorkerInfo = void 0;
    var node_worker_threads_1 = __require("node:worker_threads");
    var node_perf_hooks_1 = __require("node:perf_hooks");
    var node_assert_1 = __importDefault(__require("node:assert"));
    var errors_1 = require_errors();
    var symbols_1 = require_symbols();
    var histogram_1 = require_histogram();
    var base_1 = require_base();
    Object.defineProperty(exports, "AsynchronouslyCreatedResourcePool", { enumerable: true, get: function() {
      return base_1.AsynchronouslyCreatedResourcePool;
    } });
    __exportStar(require_balancer(), exports);
    var WorkerInfo = class extends base_1.AsynchronouslyCreatedResource {
      constructor({ worker, port, enableHistogram }, onMessage) {
        super();
        this.idleTimeout = null;
        this.lastSeenResponseCount = 0;
        this.terminating = false;
        this.destroyed = false;
        const { filename, ...workerOpts } = worker;
        this.worker = new node_worker_threads_1.Worker(filename, workerOpts);
        this.port = port;
        this.onMessage = onMessage;
        this.port.on("message", this._handleResponse.bind(this));
        this.taskInfos = /* @__PURE__ */ new Map();
        this.sharedBuffer = new Int32Array(new SharedArrayBuffer(symbols_1.kFieldCount * Int32Array.BYTES_PER_ELEMENT));
        this.histogram = enableHistogram ? (0, node_perf_hooks_1.createHistogram)() : null;
      }
      get id() {
        return this.worker.threadId;
      }
      onWorkerMessage(handler) {
        this.worker.on("message", handler);
      }
      onWorkerError(handler) {
        this.worker.on("error", handler);
      }
      onWorkerExit(handler) {
        this.worker.on("exit", handler);
      }
      onPortClose(handler) {
        this.port.on("close", handler);
      }
      init(msg, toTransfer) {
        this.worker.postMessage(msg, toTransfer);
        return this;
      }
      workerRef() {
        this.worker.ref();
        return this;
      }
      workerUnref() {
        this.worker.unref();
        return this;
      }
      destroy() {
        if (this.terminating || this.destroyed)
          return;
        this.terminating = true;
        this.clearIdleTimeout();
        this.worker.terminate();
        this.port.close();
        for (const taskInfo of this.taskInfos.values()) {
          taskInfo.done(errors_1.Errors.ThreadTermination());
        }
        this.taskInfos.clear();
        this.terminating = false;
        this.destroyed = true;
        this.markAsDestroyed();
      }
      setIdleTimeout(handler, ms, ...args) {
        this.idleTimeout = setTimeout(handler, ms, ...args).unref();
      }
      clearIdleTimeout() {
        if (this.idleTimeout != null) {
          clearTimeout(this.idleTimeout);
          this.idleTimeout = null;
        }
      }
      ref() {
        this.port.ref();
        return this;
      }
      unref() {
        this.port.unref();
        return this;
      }
      _handleResponse(message) {
        var _a;
        (_a = this.histogram) === null || _a === void 0 ? void 0 : _a.record(histogram_1.PiscinaHistogramHandler.toHistogramIntegerNano(message === null || message === void 0 ? void 0 : message.time));
        this.onMessage(message);
        if (this.taskInfos.size === 0) {
          this.unref();
        }
      }
      postTask(taskInfo) {
        (0, node_assert_1.default)(!this.taskInfos.has(taskInfo.taskId));
        (0, node_assert_1.default)(!this.terminating && !this.destroyed);
        const message = {
          task: taskInfo.releaseTask(),
          taskId: taskInfo.taskId,
          filename: taskInfo.filename,
          name: taskInfo.name,
          histogramEnabled: this.histogram != null ? 1 : 0
        };
        try {
          this.port.postMessage(message, taskInfo.transferList);
          queueMicrotask(() => this.clearIdleTimeout());
          taskInfo.workerInfo = this;
          this.taskInfos.set(taskInfo.taskId, taskInfo);
          this.ref();
          Atomics.add(this.sharedBuffer, symbols_1.kRequestCountField, 1);
          Atomics.notify(this.sharedBuffer, symbols_1.kRequestCountField, 1);
        } catch (err) {
          taskInfo.done(err);
        }
      }
      processPendingMessages() {
        if (this.destroyed)
          return;
        const actualResponseCount = Atomics.load(this.sharedBuffer, symbols_1.kResponseCountField);
        if (actualResponseCount !== this.lastSeenResponseCount) {
          this.lastSeenResponseCount = actualResponseCount;
          let entry;
          while ((entry = (0, node_worker_threads_1.receiveMessageOnPort)(this.port)) != null) {
            this._handleResponse(entry.message);
          }
        }
      }
      isRunningAbortableTask() {
        if (this.taskInfos.size !== 1)
          return false;
        const [[, task]] = this.taskInfos;
        return task.abortSignal != null;
      }
      currentUsage() {
        return this.isRunningAbortableTask() ? Infinity : this.taskInfos.size;
      }
      popTask(taskId) {
        var _a;
        const task = (_a = this.taskInfos.get(taskId)) !== null && _a !== void 0 ? _a : null;
        if (task != null)
          this.taskInfos.delete(taskId);
        return task;
      }
      get interface() {
        const worker = this;
        return {
          get id() {
            return worker.worker.threadId;
          },
          get currentUsage() {
            return worker.currentUsage();
          },
          get isRunningAbortableTask() {
            return worker.isRunningAbortableTask();
          },
          get histogram() {
            return worker.histogram != null ? histogram_1.PiscinaHistogramHandler.createHistogramSummary(worker.histogram) : null;
          },
          get terminating() {
            return worker.terminating;
          },
          get destroyed() {
            return worker.destroyed;
          },
          [symbols_1.kWorkerData]: worker
        };
      }
    };
    exports.WorkerInfo = WorkerInfo;
  }
});

// node_modules/piscina/dist/index.js
var require_dist = __commonJS({
  "node_modules/piscina/dist/index.js"(exports) {
    "use strict";
    var __classPrivateFieldSet = exports && exports.__classPrivateFieldSet || function(receiver, state, value, kind, f2) {
      if (kind === "m") throw new TypeError("Private method is not writable");
      if (kind === "a" && !f2) throw new TypeError("Private accessor was defined without a setter");
      if (typeof state === "function" ? receiver !== state || !f2 : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
      return kind === "a" ? f2.call(receiver, value) : f2 ? f2.value = value : state.set(receiver, value), value;
    };
    var __classPrivateFieldGet = exports && exports.__classPrivateFieldGet || function(receiver, state, kind, f2) {
      if (kind === "a" && !f2) throw new TypeError("Private accessor was defined without a getter");
      if (typeof state === "function" ? receiver !== state || !f2 : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
      return kind === "m" ? f2 : kind === "a" ? f2.call(receiver) : f2 ? f2.value : state.get(receiver);
    };
    var _DirectlyTransferable_value;
    var _ArrayBufferViewTransferable_view;
    var _Piscina_pool;
    var _Piscina_histogram;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.workerData = exports.isWorkerThread = exports.move = exports.ArrayTaskQueue = exports.FixedQueue = exports.version = exports.queueOptionsSymbol = exports.valueSymbol = exports.transferableSymbol = exports.Piscina = void 0;
    var node_worker_threads_1 = __require("node:worker_threads");
    var node_events_1 = __require("node:events");
    var node_path_1 = __require("node:path");
    var node_util_1 = __require("node:util");
    var node_perf_hooks_1 = __require("node:perf_hooks");
    var promises_1 = __require("node:timers/promises");
    var package_json_1 = require_package();
    Object.defineProperty(exports, "version", { enumerable: true, get: function() {
      return package_json_1.version;
    } });
    var symbols_1 = require_symbols();
    Object.defineProperty(exports, "queueOptionsSymbol", { enumerable: true, get: function() {
      return symbols_1.kQueueOptions;
    } });
    Object.defineProperty(exports, "transferableSymbol", { enumerable: true, get: function() {
      return symbols_1.kTransferable;
    } });
    Object.defineProperty(exports, "valueSymbol", { enumerable: true, get: function() {
      return symbols_1.kValue;
    } });
    var task_queue_1 = require_task_queue();
    Object.defineProperty(exports, "ArrayTaskQueue", { enumerable: true, get: function() {
      return task_queue_1.ArrayTaskQueue;
    } });
    Object.defineProperty(exports, "FixedQueue", { enumerable: true, get: function() {
      return task_queue_1.FixedQueue;
    } });
    var worker_pool_1 = require_worker_pool();
    var abort_1 = require_abort();
    var histogram_1 = require_histogram();
    var errors_1 = require_errors();
    var common_1 = require_common();
    var cpuParallelism = (0, common_1.getAvailableParallelism)();
    var kDefaultOptions = {
      filename: null,
      name: "default",
      minThreads: Math.max(Math.floor(cpuParallelism / 2), 1),
      maxThreads: cpuParallelism * 1.5,
      idleTimeout: 0,
      maxQueue: Infinity,
      concurrentTasksPerWorker: 1,
      atomics: "sync",
      taskQueue: new task_queue_1.ArrayTaskQueue(),
      niceIncrement: 0,
      trackUnmanagedFds: true,
      closeTimeout: 3e4,
      recordTiming: true,
      stricterFIFO: false,
      workerHistogram: false
    };
    var kDefaultRunOptions = {
      transferList: void 0,
      filename: null,
      signal: null,
      name: null
    };
    var kDefaultCloseOptions = {
      force: false
    };
    var DirectlyTransferable = class {
      constructor(value) {
        _DirectlyTransferable_value.set(this, void 0);
        __classPrivateFieldSet(this, _DirectlyTransferable_value, value, "f");
      }
      get [(_DirectlyTransferable_value = /* @__PURE__ */ new WeakMap(), symbols_1.kTransferable)]() {
        return __classPrivateFieldGet(this, _DirectlyTransferable_value, "f");
      }
      get [symbols_1.kValue]() {
        return __classPrivateFieldGet(this, _DirectlyTransferable_value, "f");
      }
    };
    var ArrayBufferViewTransferable = class {
      constructor(view) {
        _ArrayBufferViewTransferable_view.set(this, void 0);
        __classPrivateFieldSet(this, _ArrayBufferViewTransferable_view, view, "f");
      }
      get [(_ArrayBufferViewTransferable_view = /* @__PURE__ */ new WeakMap(), symbols_1.kTransferable)]() {
        return __classPrivateFieldGet(this, _ArrayBufferViewTransferable_view, "f").buffer;
      }
      get [symbols_1.kValue]() {
        return __classPrivateFieldGet(this, _ArrayBufferViewTransferable_view, "f");
      }
    };
    var ThreadPool = class {
      constructor(publicInterface, options) {
        var _a, _b, _c;
        this.skipQueue = [];
        this.completed = 0;
        this.histogram = null;
        this.start = node_perf_hooks_1.performance.now();
        this.inProcessPendingMessages = false;
        this.startingUp = false;
        this.closingUp = false;
        this.workerFailsDuringBootstrap = false;
        this.destroying = false;
        this.publicInterface = publicInterface;
        this.taskQueue = (_a = options.taskQueue) !== null && _a !== void 0 ? _a : new task_queue_1.FixedQueue();
        const filename = options.filename ? (0, common_1.maybeFileURLToPath)(options.filename) : null;
        this.options = (0, common_1.withNullPrototype)({
          ...kDefaultOptions,
          ...options,
          filename,
          maxQueue: 0
        });
        if (this.options.recordTiming) {
          this.histogram = new histogram_1.PiscinaHistogramHandler();
        }
        if (options.maxThreads !== void 0 && this.options.minThreads >= options.maxThreads) {
          this.options.minThreads = options.maxThreads;
        }
        if (options.minThreads !== void 0 && this.options.maxThreads <= options.minThreads) {
          this.options.maxThreads = options.minThreads;
        }
        if (options.maxQueue === "auto") {
          this.options.maxQueue = this.options.maxThreads ** 2;
        } else {
          this.options.maxQueue = (_b = options.maxQueue) !== null && _b !== void 0 ? _b : kDefaultOptions.maxQueue;
        }
        this.balancer = (_c = this.options.loadBalancer) !== null && _c !== void 0 ? _c : (0, worker_pool_1.LeastBusyBalancer)({ maximumUsage: this.options.concurrentTasksPerWorker });
        this.workers = new worker_pool_1.AsynchronouslyCreatedResourcePool(this.options.concurrentTasksPerWorker);
        this.workers.onTaskDone(this._onWorkerTaskDone.bind(this));
        this.maxCapacity = this.options.maxThreads * this.options.concurrentTasksPerWorker;
        this.startingUp = true;
        this._ensureMinimumWorkers();
        this.startingUp = false;
        this._needsDrain = false;
      }
      _ensureMinimumWorkers() {
        if (this.closingUp || this.destroying) {
          return;
        }
        while (this.workers.size < this.options.minThreads) {
          this._addNewWorker();
        }
      }
      _addNewWorker() {
        if (this.closingUp === true)
          return;
        const { port1, port2 } = new node_worker_threads_1.MessageChannel();
        const workerInfo = new worker_pool_1.WorkerInfo({
          worker: {
            filename: (0, node_path_1.resolve)(import.meta.dirname, "worker.js"),
            env: this.options.env,
            argv: this.options.argv,
            execArgv: this.options.execArgv,
            resourceLimits: this.options.resourceLimits,
            workerData: this.options.workerData,
            trackUnmanagedFds: this.options.trackUnmanagedFds
          },
          port: port1,
          enableHistogram: this.options.workerHistogram
        }, onMessage.bind(this));
        const message = {
          filename: this.options.filename,
          name: this.options.name,
          port: port2,
          sharedBuffer: workerInfo.sharedBuffer,
          atomics: this.options.atomics,
          niceIncrement: this.options.niceIncrement
        };
        workerInfo.onDestroy(() => {
          this.publicInterface.emit("workerDestroy", workerInfo.interface);
        });
        workerInfo.onWorkerMessage(onWorkerMessage.bind(this));
        workerInfo.onWorkerError(onWorkerError.bind(this));
        workerInfo.onWorkerExit(onWorkerExit.bind(this));
        workerInfo.onPortClose(() => {
          workerInfo.workerRef();
        });
        if (this.startingUp === true) {
          workerInfo.markAsReady();
          queueMicrotask(() => {
            this.publicInterface.emit("workerCreate", workerInfo.interface);
            this._onWorkerReady(workerInfo);
          });
        } else {
          workerInfo.onReady(() => {
            this.publicInterface.emit("workerCreate", workerInfo.interface);
            this._onWorkerReady(workerInfo);
          });
        }
        workerInfo.init(message, [port2]).workerUnref();
        this.workers.add(workerInfo);
        function onMessage(message2) {
          const { taskId, result } = message2;
          const taskInfo = workerInfo.popTask(taskId);
          this.workers.taskDone(workerInfo);
          if (taskInfo == null) {
            const err = new Error(`Unexpected message from Worker: ${(0, node_util_1.inspect)(message2)}`);
            this.publicInterface.emit("error", err);
          } else {
            taskInfo.done(message2.error, result);
          }
          this._processPendingMessages();
        }
        function onWorkerReady() {
          workerInfo.currentUsage() === 0 && workerInfo.unref();
          workerInfo.isReady() === false && workerInfo.markAsReady();
        }
        function onEventMessage(message2) {
          this.publicInterface.emit("message", message2);
        }
        function onWorkerMessage(message2) {
          const isReadyMessage = message2 instanceof Object && common_1.READY in message2 || typeof message2 === "object" && message2 !== null && common_1.READY in message2;
          if (isReadyMessage) {
            onWorkerReady();
          } else {
            onEventMessage.call(this, message2);
          }
        }
        function onWorkerError(err) {
          this._onError(workerInfo, err, false);
        }
        function onWorkerExit(code) {
          if (this.destroying === false) {
            const err = new Error(`worker exited with code: ${code}`);
            this._onError(workerInfo, err, true);
          }
        }
      }
      _onError(workerInfo, err, onlyErrorUnfinishedTasks) {
        const taskInfos = [...workerInfo.taskInfos.values()];
        workerInfo.taskInfos.clear();
        this._removeWorker(workerInfo);
        if (workerInfo.isReady() && !this.workerFailsDuringBootstrap) {
          this._ensureMinimumWorkers();
        } else {
          this.workerFailsDuringBootstrap = true;
        }
        if (taskInfos.length > 0) {
          for (const taskInfo of taskInfos) {
            taskInfo.done(err, null);
          }
        } else if (!onlyErrorUnfinishedTasks) {
          this.publicInterface.emit("error", err);
        }
      }
      _processPendingMessages() {
        if (this.inProcessPendingMessages || this.options.atomics === "disabled") {
          return;
        }
        this.inProcessPendingMessages = true;
        try {
          for (const workerInfo of this.workers) {
            workerInfo.processPendingMessages();
          }
        } finally {
          this.inProcessPendingMessages = false;
        }
      }
      _removeWorker(workerInfo) {
        workerInfo.destroy();
        this.workers.delete(workerInfo);
      }
      _removeTaskFromQueue(taskInfo) {
        this.taskQueue.remove(taskInfo);
        const skipQueueIndex = this.skipQueue.indexOf(taskInfo);
        if (skipQueueIndex !== -1) {
          this.skipQueue.splice(skipQueueIndex, 1);
        }
      }
      _onWorkerReady(workerInfo) {
        this._onWorkerAvailable(workerInfo);
      }
      _onWorkerTaskDone(workerInfo) {
        this._onWorkerAvailable(workerInfo);
      }
      _onWorkerAvailable(workerInfo) {
        let workers = null;
        while (this.taskQueue.size > 0 || this.skipQueue.length > 0) {
          const taskInfo = this.skipQueue.shift() || this.taskQueue.shift();
          if (workers == null) {
            workers = [...this.workers].map((workerInfo2) => workerInfo2.interface);
          }
          const distributed = this._distributeTask(taskInfo, workers);
          if (distributed) {
            continue;
          }
          if (this.workers.size < this.options.maxThreads) {
            this._addNewWorker();
            continue;
          } else {
            break;
          }
        }
        if (this.options.idleTimeout === Infinity) {
          return;
        }
        if (workerInfo.currentUsage() === 0 && this.workers.size > this.options.minThreads) {
          workerInfo.setIdleTimeout(() => {
            if (workerInfo.currentUsage() !== 0) {
              return;
            }
            if (this.workers.size > this.options.minThreads) {
              this._removeWorker(workerInfo);
            }
          }, this.options.idleTimeout);
        }
      }
      _distributeTask(task, workers) {
        var _a;
        if (task.aborted)
          return true;
        const candidate = this.balancer(task.interface, workers);
        if (candidate != null && candidate[symbols_1.kWorkerData] != null) {
          const now = node_perf_hooks_1.performance.now();
          (_a = this.histogram) === null || _a === void 0 ? void 0 : _a.recordWaitTime(now - task.created);
          task.started = now;
          candidate[symbols_1.kWorkerData].postTask(task);
          queueMicrotask(() => this._maybeDrain());
          return true;
        }
        this._returnUndistributedTask(task, !this.options.stricterFIFO);
        return false;
      }
      _returnUndistributedTask(task, toTail = false) {
        if (task.abortSignal != null) {
          if (toTail) {
            this.skipQueue.push(task);
          } else {
            this.skipQueue.unshift(task);
          }
          return;
        }
        if (toTail) {
          this.taskQueue.push(task);
        } else if (this.taskQueue.unshift != null) {
          this.taskQueue.unshift(task);
        } else {
          this.taskQueue.push(task);
        }
      }
      runTask(task, options) {
        var _a;
        let { filename, name } = options;
        const { transferList = [] } = options;
        filename = filename !== null && filename !== void 0 ? filename : this.options.filename;
        name = name !== null && name !== void 0 ? name : this.options.name;
        if (typeof filename !== "string") {
          return Promise.reject(errors_1.Errors.FilenameNotProvided());
        }
        filename = (0, common_1.maybeFileURLToPath)(filename);
        let signal;
        if (this.closingUp || this.destroying) {
          const closingUpAbortController = new AbortController();
          closingUpAbortController.abort("queue is being terminated");
          signal = closingUpAbortController.signal;
        } else {
          signal = (_a = options.signal) !== null && _a !== void 0 ? _a : null;
        }
        const { promise: ret, resolve, reject } = (0, common_1.promiseResolvers)();
        const taskInfo = new task_queue_1.TaskInfo({
          task,
          transferList,
          filename,
          name,
          abortSignal: signal,
          triggerAsyncId: this.publicInterface.asyncResource.asyncId()
        }, (err, result) => {
          var _a2;
          this.completed++;
          if (taskInfo.started) {
            (_a2 = this.histogram) === null || _a2 === void 0 ? void 0 : _a2.recordRunTime(node_perf_hooks_1.performance.now() - taskInfo.started);
          }
          if (err !== null) {
            reject(err);
          } else {
            resolve(result);
          }
          queueMicrotask(this._maybeDrain.bind(this));
        });
        if (signal != null) {
          if (signal.aborted) {
            reject(new abort_1.AbortError(signal.reason));
            return ret;
          }
          taskInfo.onAbort(() => {
            reject(new abort_1.AbortError(signal.reason));
            if (taskInfo.workerInfo != null) {
              this._removeWorker(taskInfo.workerInfo);
              this._ensureMinimumWorkers();
            } else {
              this._removeTaskFromQueue(taskInfo);
            }
          });
          taskInfo.setAbortListener(signal);
        }
        if (this.taskQueue.size > 0) {
          const totalCapacity = this.options.maxQueue + this.pendingCapacity();
          if (this.taskQueue.size >= totalCapacity) {
            if (this.options.maxQueue === 0) {
              reject(errors_1.Errors.NoTaskQueueAvailable());
            } else {
              reject(errors_1.Errors.TaskQueueAtLimit());
            }
          } else {
            this.taskQueue.push(taskInfo);
            if (this.workers.size < this.options.maxThreads) {
              this._addNewWorker();
            }
          }
          queueMicrotask(this._maybeDrain.bind(this));
          return ret;
        }
        const workers = [...this.workers.readyItems].map((workerInfo) => workerInfo.interface);
        const distributed = this._distributeTask(taskInfo, workers);
        if (!distributed) {
          if (this.workers.size < this.options.maxThreads) {
            this._addNewWorker();
          }
          if (this.options.maxQueue <= 0 && this.pendingCapacity() === 0) {
            reject(errors_1.Errors.NoTaskQueueAvailable());
          }
        }
        ;
        queueMicrotask(this._maybeDrain.bind(this));
        return ret;
      }
      pendingCapacity() {
        return this.workers.pendingItems.size * this.options.concurrentTasksPerWorker;
      }
      _maybeDrain() {
        const { maxCapacity } = this;
        const currentUsage = this.workers.getCurrentUsage();
        if (maxCapacity === currentUsage) {
          this._needsDrain = true;
          queueMicrotask(() => this.publicInterface.emit("needsDrain"));
        } else if (maxCapacity > currentUsage && this._needsDrain) {
          this._needsDrain = false;
          queueMicrotask(() => this.publicInterface.emit("drain"));
        }
      }
      async destroy() {
        this.destroying = true;
        while (this.skipQueue.length > 0) {
          const taskInfo = this.skipQueue.shift();
          taskInfo.done(new Error("Terminating worker thread"));
        }
        while (this.taskQueue.size > 0) {
          const taskInfo = this.taskQueue.shift();
          taskInfo.done(new Error("Terminating worker thread"));
        }
        const exitEvents = [];
        while (this.workers.size > 0) {
          const [workerInfo] = this.workers;
          exitEvents.push((0, node_events_1.once)(workerInfo.worker, "exit"));
          this._removeWorker(workerInfo);
        }
        await Promise.allSettled(exitEvents);
        this.destroying = false;
      }
      async close(options) {
        this.closingUp = true;
        if (options.force) {
          const skipQueueLength = this.skipQueue.length;
          for (let i2 = 0; i2 < skipQueueLength; i2++) {
            const taskInfo = this.skipQueue.shift();
            if (taskInfo.workerInfo === null) {
              taskInfo.done(new abort_1.AbortError("pool is closed"));
            } else {
              this.skipQueue.push(taskInfo);
            }
          }
          const taskQueueLength = this.taskQueue.size;
          for (let i2 = 0; i2 < taskQueueLength; i2++) {
            const taskInfo = this.taskQueue.shift();
            if (taskInfo.workerInfo === null) {
              taskInfo.done(new abort_1.AbortError("pool is closed"));
            } else {
              this.taskQueue.push(taskInfo);
            }
          }
        }
        const onPoolFlushed = () => new Promise((resolve) => {
          const numberOfWorkers = this.workers.size;
          if (numberOfWorkers === 0) {
            resolve();
            return;
          }
          let numberOfWorkersDone = 0;
          const checkIfWorkerIsDone = (workerInfo) => {
            if (workerInfo.taskInfos.size === 0) {
              numberOfWorkersDone++;
            }
            if (numberOfWorkers === numberOfWorkersDone) {
              resolve();
            }
          };
          this.workers.onTaskDone(checkIfWorkerIsDone);
          for (const workerInfo of this.workers) {
            checkIfWorkerIsDone(workerInfo);
            this.workers.onTaskDone(checkIfWorkerIsDone);
          }
        });
        const throwOnTimeOut = async (timeout) => {
          await (0, promises_1.setTimeout)(timeout, null, { ref: false });
          throw errors_1.Errors.CloseTimeout();
        };
        try {
          await Promise.race([
            onPoolFlushed(),
            throwOnTimeOut(this.options.closeTimeout)
          ]);
        } catch (error) {
          this.publicInterface.emit("error", error);
        } finally {
          await this.destroy();
          this.publicInterface.emit("close");
          this.closingUp = false;
        }
      }
    };
    var Piscina2 = class _Piscina extends node_events_1.EventEmitterAsyncResource {
      constructor(options = {}) {
        const opts = (0, common_1.withNullPrototype)(options);
        super((0, common_1.withNullPrototype)(opts, { name: "Piscina" }));
        _Piscina_pool.set(this, void 0);
        _Piscina_histogram.set(this, null);
        if (typeof opts.filename !== "string" && opts.filename != null) {
          throw new TypeError("options.filename must be a string or null");
        }
        if (typeof opts.name !== "string" && opts.name != null) {
          throw new TypeError("options.name must be a string or null");
        }
        if (opts.minThreads !== void 0 && (typeof opts.minThreads !== "number" || opts.minThreads < 0)) {
          throw new TypeError("options.minThreads must be a non-negative integer");
        }
        if (opts.maxThreads !== void 0 && (typeof opts.maxThreads !== "number" || opts.maxThreads < 1)) {
          throw new TypeError("options.maxThreads must be a positive integer");
        }
        if (opts.minThreads !== void 0 && opts.maxThreads !== void 0 && opts.minThreads > opts.maxThreads) {
          throw new RangeError("options.minThreads and options.maxThreads must not conflict");
        }
        if (opts.idleTimeout !== void 0 && (typeof opts.idleTimeout !== "number" || opts.idleTimeout < 0)) {
          throw new TypeError("options.idleTimeout must be a non-negative integer");
        }
        if (opts.maxQueue !== void 0 && opts.maxQueue !== "auto" && (typeof opts.maxQueue !== "number" || opts.maxQueue < 0)) {
          throw new TypeError("options.maxQueue must be a non-negative integer");
        }
        if (opts.concurrentTasksPerWorker !== void 0 && (typeof opts.concurrentTasksPerWorker !== "number" || opts.concurrentTasksPerWorker < 1)) {
          throw new TypeError("options.concurrentTasksPerWorker must be a positive integer");
        }
        if (opts.atomics != null && (typeof opts.atomics !== "string" || !["sync", "async", "disabled"].includes(opts.atomics))) {
          throw new TypeError("options.atomics should be a value of sync, sync or disabled.");
        }
        if (opts.resourceLimits !== void 0 && (typeof opts.resourceLimits !== "object" || opts.resourceLimits === null)) {
          throw new TypeError("options.resourceLimits must be an object");
        }
        if (opts.taskQueue !== void 0 && !(0, task_queue_1.isTaskQueue)(opts.taskQueue)) {
          throw new TypeError("options.taskQueue must be a TaskQueue object");
        }
        if (opts.niceIncrement !== void 0 && (typeof opts.niceIncrement !== "number" || opts.niceIncrement < 0 && process.platform !== "win32")) {
          throw new TypeError("options.niceIncrement must be a non-negative integer on Unix systems");
        }
        if (opts.trackUnmanagedFds !== void 0 && typeof opts.trackUnmanagedFds !== "boolean") {
          throw new TypeError("options.trackUnmanagedFds must be a boolean value");
        }
        if (opts.closeTimeout !== void 0 && (typeof opts.closeTimeout !== "number" || opts.closeTimeout < 0)) {
          throw new TypeError("options.closeTimeout must be a non-negative integer");
        }
        if (opts.loadBalancer !== void 0 && (typeof opts.loadBalancer !== "function" || opts.loadBalancer.length < 1)) {
          throw new TypeError("options.loadBalancer must be a function with at least two args");
        }
        if (opts.workerHistogram !== void 0 && typeof opts.workerHistogram !== "boolean") {
          throw new TypeError("options.workerHistogram must be a boolean");
        }
        if (opts.stricterFIFO !== void 0 && typeof opts.stricterFIFO !== "boolean") {
          throw new TypeError("options.stricterFIFO must be a boolean");
        }
        __classPrivateFieldSet(this, _Piscina_pool, new ThreadPool(this, opts), "f");
      }
      run(task, options = kDefaultRunOptions) {
        var _a, _b, _c;
        if (options === null || typeof options !== "object") {
          return Promise.reject(new TypeError("options must be an object"));
        }
        options = (0, common_1.withNullPrototype)(options);
        const transferList = options.transferList;
        const signal = (_a = options.signal) !== null && _a !== void 0 ? _a : null;
        const filename = (_b = options.filename) !== null && _b !== void 0 ? _b : null;
        const name = (_c = options.name) !== null && _c !== void 0 ? _c : null;
        if (transferList !== void 0 && !Array.isArray(transferList)) {
          return Promise.reject(new TypeError("transferList argument must be an Array"));
        }
        if (filename != null && typeof filename !== "string") {
          return Promise.reject(new TypeError("filename argument must be a string"));
        }
        if (name != null && typeof name !== "string") {
          return Promise.reject(new TypeError("name argument must be a string"));
        }
        if (signal != null && typeof signal !== "object") {
          return Promise.reject(new TypeError("signal argument must be an object"));
        }
        return __classPrivateFieldGet(this, _Piscina_pool, "f").runTask(task, { transferList, filename, name, signal });
      }
      async close(options = kDefaultCloseOptions) {
        if (options === null || typeof options !== "object") {
          throw TypeError("options must be an object");
        }
        options = (0, common_1.withNullPrototype)(options);
        let { force } = options;
        if (force !== void 0 && typeof force !== "boolean") {
          return Promise.reject(new TypeError("force argument must be a boolean"));
        }
        force !== null && force !== void 0 ? force : force = kDefaultCloseOptions.force;
        return __classPrivateFieldGet(this, _Piscina_pool, "f").close({
          force
        });
      }
      destroy() {
        return __classPrivateFieldGet(this, _Piscina_pool, "f").destroy();
      }
      [(_Piscina_pool = /* @__PURE__ */ new WeakMap(), _Piscina_histogram = /* @__PURE__ */ new WeakMap(), Symbol.dispose)]() {
        this.close();
      }
      [Symbol.asyncDispose]() {
        return this.close();
      }
      get maxThreads() {
        return __classPrivateFieldGet(this, _Piscina_pool, "f").options.maxThreads;
      }
      get minThreads() {
        return __classPrivateFieldGet(this, _Piscina_pool, "f").options.minThreads;
      }
      get options() {
        return __classPrivateFieldGet(this, _Piscina_pool, "f").options;
      }
      get threads() {
        const ret = [];
        for (const workerInfo of __classPrivateFieldGet(this, _Piscina_pool, "f").workers) {
          ret.push(workerInfo.worker);
        }
        return ret;
      }
      get idleThreads() {
        let count = 0;
        for (const workerInfo of __classPrivateFieldGet(this, _Piscina_pool, "f").workers.readyItems) {
          if (workerInfo.currentUsage() === 0)
            count++;
        }
        return count;
      }
      get queueSize() {
        const pool = __classPrivateFieldGet(this, _Piscina_pool, "f");
        return Math.max(pool.taskQueue.size + pool.skipQueue.length - pool.pendingCapacity(), 0);
      }
      get completed() {
        return __classPrivateFieldGet(this, _Piscina_pool, "f").completed;
      }
      get histogram() {
        if (__classPrivateFieldGet(this, _Piscina_histogram, "f") == null) {
          const piscinahistogram = {
            // @ts-expect-error
            get runTime() {
              var _a;
              return (_a = this.histogram) === null || _a === void 0 ? void 0 : _a.runTimeSummary;
            },
            // @ts-expect-error
            get waitTime() {
              var _a;
              return (_a = this.histogram) === null || _a === void 0 ? void 0 : _a.waitTimeSummary;
            },
            resetRunTime() {
              var _a;
              (_a = this.histogram) === null || _a === void 0 ? void 0 : _a.resetRunTime();
            },
            resetWaitTime() {
              var _a;
              (_a = this.histogram) === null || _a === void 0 ? void 0 : _a.resetWaitTime();
            }
          };
          Object.defineProperty(piscinahistogram, "histogram", {
            value: __classPrivateFieldGet(this, _Piscina_pool, "f").histogram,
            writable: false,
            enumerable: false,
            configurable: false
          });
          __classPrivateFieldSet(this, _Piscina_histogram, piscinahistogram, "f");
        }
        ;
        return __classPrivateFieldGet(this, _Piscina_histogram, "f");
      }
      get utilization() {
        if (__classPrivateFieldGet(this, _Piscina_pool, "f").histogram == null) {
          return 0;
        }
        const count = __classPrivateFieldGet(this, _Piscina_pool, "f").histogram.runTimeCount;
        if (count === 0) {
          return 0;
        }
        const capacity = this.duration * __classPrivateFieldGet(this, _Piscina_pool, "f").options.maxThreads;
        const totalMeanRuntime = __classPrivateFieldGet(this, _Piscina_pool, "f").histogram.runTimeSummary.mean / 1e3 * count;
        return totalMeanRuntime / capacity;
      }
      get duration() {
        return node_perf_hooks_1.performance.now() - __classPrivateFieldGet(this, _Piscina_pool, "f").start;
      }
      get needsDrain() {
        return __classPrivateFieldGet(this, _Piscina_pool, "f")._needsDrain;
      }
      static get isWorkerThread() {
        return common_1.commonState.isWorkerThread;
      }
      static get workerData() {
        return common_1.commonState.workerData;
      }
      static get version() {
        return package_json_1.version;
      }
      static get Piscina() {
        return _Piscina;
      }
      static get FixedQueue() {
        return task_queue_1.FixedQueue;
      }
      static get ArrayTaskQueue() {
        return task_queue_1.ArrayTaskQueue;
      }
      static move(val) {
        if (val != null && typeof val === "object" && typeof val !== "function") {
          if (!(0, common_1.isTransferable)(val)) {
            if (node_util_1.types.isArrayBufferView(val)) {
              val = new ArrayBufferViewTransferable(val);
            } else {
              val = new DirectlyTransferable(val);
            }
          }
          (0, common_1.markMovable)(val);
        }
        return val;
      }
      static get transferableSymbol() {
        return symbols_1.kTransferable;
      }
      static get valueSymbol() {
        return symbols_1.kValue;
      }
      static get queueOptionsSymbol() {
        return symbols_1.kQueueOptions;
      }
    };
    exports.default = Piscina2;
    exports.Piscina = Piscina2;
    var move2 = Piscina2.move;
    exports.move = move2;
    var isWorkerThread2 = Piscina2.isWorkerThread;
    exports.isWorkerThread = isWorkerThread2;
    var workerData2 = Piscina2.workerData;
    exports.workerData = workerData2;
  }
});

// node_modules/piscina/dist/main.js
var require_main = __commonJS({
  "node_modules/piscina/dist/main.js"(exports, module) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod2) {
      return mod2 && mod2.__esModule ? mod2 : { "default": mod2 };
    };
    var index_1 = __importDefault(require_dist());
    module.exports = index_1.default;
  }
});

// src/runtimes/node/host.ts
import { createReadStream, writeSync as writeSync2 } from "node:fs";
import { availableParallelism } from "node:os";
import { createInterface } from "node:readline";

// node_modules/tinybench/dist/index.js
var e = Object.freeze(() => {
});
var t = globalThis.Event;
var n = class extends t {
  get error() {
    return this.#e;
  }
  get reason() {
    return this.#t;
  }
  get task() {
    return this.#n;
  }
  #e;
  #t;
  #n;
  constructor(e2, t2, n2) {
    super(e2), t2 != null && (this.#n = t2), typeof n2 == "string" ? this.#t = n2 : n2 != null && (this.#e = n2);
  }
};
var r = (e2) => e2 !== null && (typeof e2 == "object" || typeof e2 == "function") && typeof e2.then == "function";
var i = (async () => {
}).constructor;
var a = (e2) => typeof e2 == "function" && e2.constructor === i;
var o = (t2) => {
  if (t2 == null) return false;
  if (a(t2)) return true;
  try {
    let n2 = t2(), i2 = r(n2);
    if (i2) try {
      n2.then(e).catch(e);
    } catch {
    }
    return i2;
  } catch {
    return false;
  }
};
var s = (e2, t2) => {
  if (!e2) {
    let e3 = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 0;
      let n2 = Error(t2);
      throw Error.stackTraceLimit = e3, e3 !== 0 && Error.captureStackTrace(n2, s), n2;
    } finally {
      Error.stackTraceLimit = e3;
    }
  }
};
var c = (e2) => {
  switch (typeof e2) {
    case "function":
      return Error(e2.name);
    case "object":
      if (e2 !== null) return e2 instanceof Error ? e2 : Error(e2.message ?? "");
    case "undefined":
      return Error();
    case "string":
      return Error(e2);
    default:
      return Error(String(e2));
  }
};
var l = (e2) => Number(e2) / 1e6;
var u = (e2) => Number(e2) * 1e6;
var d = (e2) => e2;
var f = (e2) => BigInt(Math.round(e2 * 1e6));
function p(e2 = globalThis) {
  let t2 = "unknown", n2 = "unknown";
  if (e2.Bun || e2.process && e2.process.versions?.bun) {
    t2 = "bun";
    let r2 = e2.Bun?.version;
    if (r2) n2 = r2;
    else {
      let t3 = e2.process?.versions?.bun;
      t3 && (n2 = t3);
    }
  } else e2.Deno ? (t2 = "deno", n2 = e2.Deno.version?.deno ?? "unknown") : e2.process && e2.process.release?.name === "node" ? (t2 = "node", n2 = e2.process.versions?.node ?? "unknown") : e2.HermesInternal ? (t2 = "hermes", n2 = e2.HermesInternal.getRuntimeProperties?.()["OSS Release Version"] ?? "unknown") : m(e2) && e2.navigator.userAgent === "Cloudflare-Workers" ? t2 = "workerd" : m(e2) && e2.navigator.userAgent.toLowerCase().startsWith("quickjs-ng") ? (t2 = "quickjs-ng", n2 = e2.navigator.userAgent.split("/")[1] ?? "unknown") : typeof e2.Netlify == "object" ? t2 = "netlify" : typeof e2.EdgeRuntime == "string" ? t2 = "edge-light" : e2.__lagon__ ? t2 = "lagon" : e2.fastly ? t2 = "fastly" : e2.$262 && e2.lockdown && e2.AsyncDisposableStack ? t2 = "moddable" : e2.d8 ? (t2 = "v8", n2 = typeof e2.version == "function" ? e2.version() : "unknown") : e2.inIon && e2.performance && e2.performance.mozMemory ? t2 = "spidermonkey" : typeof e2.$ == "object" && e2.$ !== null && "IsHTMLDDA" in e2.$ ? t2 = "jsc" : e2.window && e2.navigator && (t2 = "browser");
  return {
    runtime: t2,
    version: n2
  };
}
function m(e2 = globalThis) {
  return typeof e2.navigator == "object" && e2.navigator !== null && typeof e2.navigator.userAgent == "string";
}
var { runtime: h, version: g } = p();
var _ = globalThis.performance.now.bind(globalThis.performance);
var v = {
  fn: _,
  fromMs: d,
  name: "performanceNow",
  toMs: d
};
var y = globalThis.process?.hrtime?.bigint.bind(globalThis.process?.hrtime) ?? (() => {
  throw Error("hrtime.bigint() is not supported in this JS environment");
});
var x = {
  fn: y,
  fromMs: f,
  name: "hrtimeNow",
  toMs: l
};
var S = globalThis.Bun?.nanoseconds;
var C = S ? {
  fn: S,
  fromMs: u,
  name: "bunNanoseconds",
  toMs: l
} : void 0;
function w(e2) {
  return {
    fn: e2,
    fromMs: d,
    name: "custom",
    toMs: d
  };
}
var T = (e2 = h) => e2 === "bun" ? C : e2 === "deno" ? v : e2 === "node" ? x : v;
var E = (e2) => {
  switch (typeof e2) {
    case "function":
      return w(e2);
    case "string":
      switch (e2) {
        case "auto":
          return T();
        case "bunNanoseconds":
          return C ?? v;
        case "hrtimeNow":
          return x;
        default:
          return v;
      }
    case "object":
      return e2 === null ? v : (s(D(e2), "Invalid Timestamp Provider object"), e2);
    case "undefined":
      return v;
    default:
      throw Error("Invalid value for 'timestampProvider' or 'now'");
  }
};
function D(e2) {
  return typeof e2 == "object" && !!e2 && typeof e2.fn == "function" && typeof e2.name == "string" && typeof e2.toMs == "function" && typeof e2.fromMs == "function";
}
var ee = async (e2) => {
  let { fn: t2, iterations: n2, limit: r2, signal: i2, time: a2 = 0, timestampProvider: o2 = v } = e2, s2 = n2 === 0 ? r2 : Math.max(0, Math.min(r2, n2)), l2 = [], u2 = [], d2 = true, f2 = 0, p2 = Number.isFinite(a2) && a2 > 0, m2 = n2 > 0, h2 = 0, g2 = o2.fn, _2 = m2 ? p2 ? () => d2 && f2++ < n2 && (g2() < h2 || (d2 = false)) : () => d2 && f2++ < n2 : p2 ? () => d2 && (g2() < h2 || (d2 = false)) : () => d2, y2 = (e3) => {
    d2 && u2.push(e3);
  }, b = (e3) => {
    l2.push(c(e3));
  }, x2 = () => d2 = false;
  if (i2) {
    if (i2.aborted) return [];
    i2.addEventListener("abort", x2);
  }
  let S2 = async () => {
    for (; _2(); ) try {
      y2(await t2());
    } catch (e3) {
      d2 = false, b(e3);
      break;
    }
  };
  try {
    p2 && (h2 = g2() + o2.fromMs(a2));
    let e3 = Array.from({ length: s2 }, () => S2());
    await Promise.allSettled(e3);
  } finally {
    i2?.removeEventListener("abort", x2);
  }
  if (l2.length === 0) return u2;
  throw l2.length === 1 ? l2[0] : AggregateError(l2, "Multiple errors occurred during concurrent execution");
};
var O = (e2, t2 = 5, n2 = 2) => {
  if (e2 === Infinity) return "+∞";
  if (e2 === -Infinity) return "-∞";
  if (e2 !== e2) return "NaN";
  let r2 = Math.abs(e2);
  if (r2 >= 10 ** t2) return e2.toFixed();
  if (r2 < 10 ** (t2 - n2)) return e2.toFixed(n2);
  let i2 = Math.min(Math.max(0, t2 - (Math.floor(Math.log10(r2)) + 1)), n2);
  return e2.toFixed(i2);
};
var te = (e2) => {
  let t2 = e2.result.state;
  return {
    "Task name": e2.name,
    ...t2 === "aborted-with-statistics" || t2 === "completed" ? {
      "Latency avg (ns)": `${O(u(e2.result.latency.mean))} ± ${O(e2.result.latency.rme)}%`,
      "Latency med (ns)": `${O(u(e2.result.latency.p50))} ± ${O(u(e2.result.latency.mad))}`,
      "Throughput avg (ops/s)": `${Math.round(e2.result.throughput.mean).toString()} ± ${O(e2.result.throughput.rme)}%`,
      "Throughput med (ops/s)": `${Math.round(e2.result.throughput.p50).toString()} ± ${Math.round(e2.result.throughput.mad).toString()}`,
      Samples: e2.result.latency.samplesCount
    } : t2 === "errored" ? {
      Error: e2.result.error.message,
      Stack: e2.result.error.stack ?? "N/A"
    } : {
      "Latency avg (ns)": "N/A",
      "Latency med (ns)": "N/A",
      "Throughput avg (ops/s)": "N/A",
      "Throughput med (ops/s)": "N/A",
      Samples: "N/A",
      Remarks: t2
    },
    ...t2 === "aborted-with-statistics" && { Remarks: t2 }
  };
};
var [k, ...A] = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
var j = (e2) => {
  let t2 = k;
  for (let n2 = 0; n2 < A.length; n2++) t2 += A[n2] / (e2 + n2);
  return 0.5 * Math.log(2 * Math.PI) + (e2 - 0.5) * Math.log(e2 + 6.5) - (e2 + 6.5) + Math.log(t2);
};
var M = (e2, t2, n2) => {
  let r2 = e2 + t2, i2 = e2 + 1, a2 = e2 - 1, o2 = 1, s2 = 1 - r2 * n2 / i2;
  Math.abs(s2) < 1e-300 && (s2 = 1e-300), s2 = 1 / s2;
  let c2 = s2;
  for (let l2 = 1; l2 <= 300; l2++) {
    let u2 = 2 * l2, d2 = l2 * (t2 - l2) * n2 / ((a2 + u2) * (e2 + u2));
    s2 = 1 + d2 * s2, Math.abs(s2) < 1e-300 && (s2 = 1e-300), o2 = 1 + d2 / o2, Math.abs(o2) < 1e-300 && (o2 = 1e-300), s2 = 1 / s2, c2 *= s2 * o2, d2 = -(e2 + l2) * (r2 + l2) * n2 / ((e2 + u2) * (i2 + u2)), s2 = 1 + d2 * s2, Math.abs(s2) < 1e-300 && (s2 = 1e-300), o2 = 1 + d2 / o2, Math.abs(o2) < 1e-300 && (o2 = 1e-300), s2 = 1 / s2;
    let f2 = s2 * o2;
    if (c2 *= f2, Math.abs(f2 - 1) < 1e-16) break;
  }
  return c2;
};
var N = (e2) => {
  let t2 = e2 > 0 ? e2 : 1, n2 = t2 / 2, r2 = 0.5, i2 = n2 < 12 ? j(n2 + 0.5) - j(n2) : 0.5 * Math.log(n2) - 1 / (8 * n2) + 1 / (192 * n2 ** 3) - 1 / (640 * n2 ** 5) + 0.00118582565234835 / n2 ** 7 - 0.00167977198469943 / n2 ** 9 + 0.00342404392538552 / n2 ** 11, a2 = 0.5 * Math.log(Math.PI), o2 = i2 - 0.5 * Math.log(t2 * Math.PI), s2 = (e3) => {
    let o3 = e3 * e3, s3 = o3 / (t2 + o3), c3 = Math.exp(i2 - a2 + n2 * Math.log1p(-s3) + r2 * Math.log(s3));
    return s3 <= 0.5 ? 1 - c3 * M(r2, n2, s3) / r2 : c3 * M(n2, r2, 1 - s3) / n2;
  }, c2 = (e3) => o2 - (t2 + 1) / 2 * Math.log1p(e3 * e3 / t2), l2 = 1.959963984540054;
  for (let e3 = 0; e3 < 30; e3++) {
    let e4 = Math.exp(-c2(l2)), t3 = 0.5 * (s2(l2) - 0.05) * e4;
    if (!Number.isFinite(t3)) break;
    let n3 = l2 + t3;
    if (!(n3 > 0)) break;
    let r3 = Math.abs(t3);
    if (l2 = n3, r3 <= 4e-16 * e4) break;
  }
  return l2;
};
var P = (e2) => Array.isArray(e2) && e2.length !== 0;
function F(e2) {
  let t2 = e2.length;
  if (t2 < 1024) {
    e2.sort(z);
    return;
  }
  let n2 = true, r2 = true, i2 = e2[0];
  for (let a3 = 0; a3 < t2; a3++) {
    let t3 = e2[a3];
    if (!Number.isFinite(t3) || Object.is(t3, -0)) {
      e2.sort(z);
      return;
    }
    (n2 || r2) && (n2 &&= t3 >= i2, r2 &&= t3 <= i2, i2 = t3);
  }
  if (n2) return;
  if (r2) {
    e2.reverse();
    return;
  }
  let a2 = new Float64Array(e2).sort();
  for (let n3 = 0; n3 < t2; n3++) e2[n3] = a2[n3];
}
var I = (e2) => {
  let t2 = e2.length;
  if (t2 === 1) return {
    mean: e2[0],
    vr: 0
  };
  let n2 = 0, r2 = 0, i2 = 0;
  for (; i2 < t2; ) {
    let t3 = e2[i2++], a2 = t3 - n2;
    n2 += a2 / i2, r2 += a2 * (t3 - n2);
  }
  return {
    mean: n2,
    vr: r2 / (t2 - 1)
  };
};
var L = (e2, t2) => {
  let n2 = e2 + t2;
  return Number.isFinite(n2) ? n2 / 2 : e2 / 2 + t2 / 2;
};
var R = (e2, t2) => {
  let n2 = (e2.length - 1) * t2, r2 = Math.floor(n2), i2 = e2[r2];
  if (n2 === r2) return i2;
  let a2 = e2[r2 + 1];
  if (i2 === a2) return i2;
  let o2 = n2 - r2;
  if (o2 === 0.5) return L(i2, a2);
  let s2 = a2 - i2;
  return Number.isFinite(s2) ? i2 + o2 * s2 : (1 - o2) * i2 + o2 * a2;
};
var z = (e2, t2) => e2 - t2;
var B = (e2, t2) => {
  let n2 = 0, r2 = e2.length, i2 = 0;
  for (; i2 < r2; ) n2 += (Math.abs(e2[i2++] - t2) - n2) / i2;
  return n2;
};
function V(e2, t2) {
  let n2 = e2.length;
  if (n2 === 1) return 0;
  let r2 = n2 >> 1, i2 = n2 + 1 >> 1, a2 = 0, o2 = r2, s2, c2, l2, u2, d2, f2;
  for (; a2 <= o2; ) {
    if (s2 = a2 + o2 >> 1, c2 = i2 - s2, l2 = s2 === 0 ? -Infinity : t2 - e2[r2 - s2], d2 = s2 === r2 ? Infinity : t2 - e2[r2 - s2 - 1], u2 = c2 === 0 ? -Infinity : e2[r2 + c2 - 1] - t2, f2 = c2 === n2 - r2 ? Infinity : e2[r2 + c2] - t2, l2 <= f2 && u2 <= d2) return n2 & 1 ? Math.max(l2, u2) : L(Math.max(l2, u2), Math.min(d2, f2));
    l2 > f2 ? o2 = s2 - 1 : a2 = s2 + 1;
  }
  return 0;
}
var H = (e2) => V(e2, R(e2, 0.5));
function U(e2, t2 = false) {
  let { mean: n2, vr: r2 } = I(e2), i2 = Math.sqrt(r2), a2 = i2 / Math.sqrt(e2.length), o2 = e2.length - 1, s2 = N(o2), c2 = a2 * s2, l2 = n2 === 0 ? Infinity : c2 / Math.abs(n2) * 100, u2 = R(e2, 0.5);
  return {
    aad: B(e2, n2),
    critical: s2,
    df: o2,
    mad: V(e2, u2),
    max: e2[o2],
    mean: n2,
    min: e2[0],
    moe: c2,
    p50: u2,
    p75: R(e2, 0.75),
    p99: R(e2, 0.99),
    p995: R(e2, 0.995),
    p999: R(e2, 0.999),
    rme: l2,
    samples: t2 ? e2 : void 0,
    samplesCount: e2.length,
    sd: i2,
    sem: a2,
    variance: r2
  };
}
var W = (e2, t2) => {
  let n2 = e2.length;
  if (n2 < 10) return;
  let r2 = 0;
  for (let t3 of e2) t3 === 0 && r2++;
  if (r2 * 2 > n2) return "zero-dominated";
  let i2 = Math.max(3, Math.min(10, Math.floor(n2 / 1e3))), a2 = 1;
  for (let t3 = 1; t3 < n2 && !(e2[t3] !== e2[t3 - 1] && (a2++, a2 >= i2)); t3++) ;
  if (a2 < i2) return "low-distinct";
  if (n2 > 100 && t2 === 0) return "zero-mad";
};
var K = (e2) => {
  let t2;
  for (let n2 = 0; n2 < e2.length; n2++) {
    let r2 = e2[n2];
    if (!(r2 <= 0) && (t2 ??= r2, e2[n2 + 1] === r2)) return r2;
  }
  return t2;
};
var q = (e2, t2 = {}) => {
  let { estimator: n2 = "median", pairs: r2 = 1024, warmupPairs: i2 = 64 } = t2, { fn: a2, toMs: o2 } = e2;
  if (!Number.isInteger(r2) || r2 <= 0) return 0;
  if (Number.isInteger(i2) && i2 > 0) for (let e3 = 0; e3 < i2; e3++) {
    let e4 = a2();
    o2(a2() - e4);
  }
  let s2 = [];
  for (let e3 = 0; e3 < r2; e3++) {
    let e4 = a2(), t3 = o2(a2() - e4);
    t3 > 0 && s2.push(t3);
  }
  return s2.length * 2 < r2 ? 0 : (s2.sort(z), n2 === "min" ? s2[0] : R(s2, n2 === "p05" ? 0.05 : 0.5));
};
var ne = [
  "afterAll",
  "beforeAll",
  "beforeEach",
  "afterEach"
];
var re = ["not-started", "started"];
var J = { state: "not-started" };
var Y = { state: "aborted" };
var ie = { state: "started" };
var X = class extends EventTarget {
  get detectedResolution() {
    return this.#r;
  }
  get name() {
    return this.#o;
  }
  get result() {
    return {
      ...this.#s,
      runtime: this.#n.runtime,
      runtimeVersion: this.#n.runtimeVersion,
      timestampProviderName: this.#n.timestampProvider.name
    };
  }
  get runs() {
    return this.#l;
  }
  #e = false;
  #t;
  #n;
  #r = void 0;
  #i;
  #a;
  #o;
  #s = J;
  #c;
  #l = 0;
  #u;
  #d;
  #f;
  #p;
  constructor(e2, t2, n2, r2 = {}) {
    super(), this.#n = e2, this.#o = t2, this.#i = n2, this.#a = r2, this.#t = r2.async ?? o(n2), this.#u = r2.signal, this.#c = r2.retainSamples ?? e2.retainSamples, this.#f = e2.timestampProvider, this.#d = e2.timestampProvider.fn, this.#p = e2.timestampProvider.toMs;
    for (let e3 of ne) this.#a[e3] != null && s(typeof this.#a[e3] == "function", `'${e3}' must be a function if provided`);
    this.reset(false), this.#u && (this.#u.aborted ? this.#v() : this.#u.addEventListener("abort", this.#v.bind(this), { once: true })), this.#n.signal && (this.#n.signal.aborted ? this.#v() : this.#n.signal.addEventListener("abort", this.#v.bind(this), { once: true }));
  }
  reset(e2 = true) {
    this.#l = 0, this.#r = void 0, this.#s = this.#e ? Y : J, e2 && this.dispatchEvent(new n("reset", this));
  }
  async run() {
    if (this.#s.state !== "not-started") return this;
    this.#s = { state: "started" }, this.dispatchEvent(new n("start", this)), await this.#n.setup(this, "run");
    let { error: e2, overriddenIndices: t2, samples: r2 } = await this.#m("run", this.#n.time, this.#n.iterations);
    return await this.#n.teardown(this, "run"), this.#b({
      error: e2,
      latencySamples: r2,
      overriddenIndices: t2
    }), this;
  }
  runSync() {
    if (this.#s.state !== "not-started") return this;
    s(this.#n.concurrency === null, "Cannot use `concurrency` option when using `runSync`"), this.#s = ie, this.dispatchEvent(new n("start", this));
    let e2 = this.#n.setup(this, "run");
    s(!r(e2), "`setup` function must be sync when using `runSync()`");
    let { error: t2, overriddenIndices: i2, samples: a2 } = this.#h("run", this.#n.time, this.#n.iterations), o2 = this.#n.teardown(this, "run");
    return s(!r(o2), "`teardown` function must be sync when using `runSync()`"), this.#b({
      error: t2,
      latencySamples: a2,
      overriddenIndices: i2
    }), this;
  }
  async warmup() {
    if (this.#s.state !== "not-started") return;
    this.dispatchEvent(new n("warmup", this)), await this.#n.setup(this, "warmup");
    let { error: e2 } = await this.#m("warmup", this.#n.warmupTime, this.#n.warmupIterations);
    await this.#n.teardown(this, "warmup"), this.#y(e2);
  }
  warmupSync() {
    if (this.#s.state !== "not-started") return;
    this.dispatchEvent(new n("warmup", this));
    let e2 = this.#n.setup(this, "warmup");
    s(!r(e2), "`setup` function must be sync when using `runSync()`");
    let { error: t2 } = this.#h("warmup", this.#n.warmupTime, this.#n.warmupIterations), i2 = this.#n.teardown(this, "warmup");
    s(!r(i2), "`teardown` function must be sync when using `runSync()`"), this.#y(t2);
  }
  async #m(e2, t2, n2) {
    try {
      this.#a.beforeAll && await this.#a.beforeAll.call(this, e2);
      let r2 = this.#n.concurrency !== "task", i2 = 0, a2 = [], o2 = /* @__PURE__ */ new Set(), s2 = async () => {
        if (!this.#e) try {
          this.#a.beforeEach != null && await this.#a.beforeEach.call(this, e2);
          let { iterationCost: t3, overridden: n3, taskTime: s3 } = this.#t ? await this.#g(r2) : this.#_(r2), c2 = a2.push(s3) - 1;
          n3 && o2.add(c2), r2 && (i2 += t3 ?? s3);
        } finally {
          this.#a.afterEach != null && await this.#a.afterEach.call(this, e2);
        }
      };
      if (!r2) await ee({
        fn: s2,
        iterations: n2,
        limit: Math.max(1, Math.floor(this.#n.threshold)),
        signal: this.#u ?? this.#n.signal,
        time: t2,
        timestampProvider: this.#f
      }), this.#l = a2.length;
      else for (; (i2 < t2 || a2.length < n2) && !this.#e; ) await s2();
      return this.#a.afterAll != null && await this.#a.afterAll.call(this, e2), P(a2) ? {
        overriddenIndices: o2,
        samples: a2
      } : {};
    } catch (e3) {
      return { error: c(e3) };
    }
  }
  #h(e2, t2, n2) {
    try {
      if (this.#a.beforeAll) {
        let t3 = this.#a.beforeAll.call(this, e2);
        s(!r(t3), "`beforeAll` function must be sync when using `runSync()`");
      }
      let i2 = 0, a2 = [], o2 = /* @__PURE__ */ new Set(), c2 = () => {
        if (!this.#e) try {
          if (this.#a.beforeEach) {
            let t4 = this.#a.beforeEach.call(this, e2);
            s(!r(t4), "`beforeEach` function must be sync when using `runSync()`");
          }
          let { iterationCost: t3, overridden: n3, taskTime: c3 } = this.#_(true), l2 = a2.push(c3) - 1;
          n3 && o2.add(l2), i2 += t3 ?? c3;
        } finally {
          if (this.#a.afterEach) {
            let t3 = this.#a.afterEach.call(this, e2);
            s(!r(t3), "`afterEach` function must be sync when using `runSync()`");
          }
        }
      };
      for (; (i2 < t2 || a2.length < n2) && !this.#e; ) c2();
      if (this.#a.afterAll) {
        let t3 = this.#a.afterAll.call(this, e2);
        s(!r(t3), "`afterAll` function must be sync when using `runSync()`");
      }
      return P(a2) ? {
        overriddenIndices: o2,
        samples: a2
      } : {};
    } catch (e3) {
      return { error: c(e3) };
    }
  }
  async #g(e2) {
    let t2 = this.#d(), n2 = await this.#i.call(this), r2 = this.#p(this.#d() - t2), i2 = e2 ? Q(n2) : void 0, a2 = Z(n2);
    return a2 === void 0 ? {
      iterationCost: i2,
      overridden: false,
      taskTime: r2
    } : {
      iterationCost: i2,
      overridden: true,
      taskTime: a2
    };
  }
  #_(e2) {
    let t2 = this.#d(), n2 = this.#i.call(this), i2 = this.#p(this.#d() - t2);
    s(!r(n2), "task function must be sync when using `runSync()`");
    let a2 = e2 ? Q(n2) : void 0, o2 = Z(n2);
    return o2 === void 0 ? {
      iterationCost: a2,
      overridden: false,
      taskTime: i2
    } : {
      iterationCost: a2,
      overridden: true,
      taskTime: o2
    };
  }
  #v() {
    if (this.#e = true, re.includes(this.#s.state)) {
      this.#s = Y;
      let e2 = new n("abort", this);
      this.dispatchEvent(e2), this.#n.dispatchEvent(e2);
    }
  }
  #y(e2) {
    if (e2) {
      this.#s = {
        state: "errored",
        error: e2
      };
      let t2 = new n("error", this, e2);
      if (this.dispatchEvent(t2), this.#n.dispatchEvent(t2), this.#n.throws) throw e2;
    }
  }
  #b({ error: e2, latencySamples: t2, overriddenIndices: r2 }) {
    if (P(t2)) {
      this.#l = t2.length;
      let e3 = this.#n.timerOverhead;
      if (e3 !== void 0 && e3 > 0) for (let n2 = 0; n2 < t2.length; n2++) r2?.has(n2) || (t2[n2] = Math.max(0, t2[n2] - e3));
      let i3 = (r2?.size ?? 0) > 0, a2 = i3 ? t2.filter((e4, t3) => !r2?.has(t3)) : t2;
      F(t2);
      let o2 = U(t2, this.#c), s2;
      i3 ? P(a2) ? (F(a2), this.#r = K(a2), s2 = W(a2, H(a2))) : this.#r = void 0 : (this.#r = K(t2), s2 = W(t2, o2.mad));
      let c2 = o2.mean, l2 = 0, u2 = [];
      for (let e4 of t2) e4 === 0 ? u2.push(c2 === 0 ? 0 : 1e3 / c2) : (l2 += e4, u2.push(1e3 / e4));
      F(u2);
      let d2 = U(u2, this.#c);
      if (this.#s = {
        state: this.#e ? "aborted-with-statistics" : "completed",
        latency: o2,
        period: l2 / this.runs,
        throughput: d2,
        totalTime: l2
      }, s2 !== void 0) {
        let e4 = new n("warning", this, s2);
        this.dispatchEvent(e4), this.#n.dispatchEvent(e4);
      }
    } else this.#e && (this.#s = Y);
    if (e2) {
      this.#s = {
        state: "errored",
        error: e2
      };
      let t3 = new n("error", this, e2);
      if (this.dispatchEvent(t3), this.#n.dispatchEvent(t3), this.#n.throws) throw e2;
    }
    let i2 = new n("cycle", this);
    this.dispatchEvent(i2), this.#n.dispatchEvent(i2), this.dispatchEvent(new n("complete", this));
  }
};
function Z(e2) {
  if (typeof e2 != "object" || !e2) return;
  let t2 = e2;
  if (!("overriddenDuration" in t2)) return;
  let n2 = t2.overriddenDuration;
  return typeof n2 == "number" && Number.isFinite(n2) && n2 >= 0 ? n2 : void 0;
}
function Q(e2) {
  if (typeof e2 != "object" || !e2) return;
  let t2 = e2;
  try {
    if (!("overriddenIterationCost" in t2)) return;
    let e3 = t2.overriddenIterationCost;
    return typeof e3 == "number" && Number.isFinite(e3) && e3 >= 0 ? e3 : void 0;
  } catch {
    return;
  }
}
var $ = '`subtractTimerOverhead` cannot be used with `concurrency: "task"` — set `concurrency` to `null` or `"bench"`, or disable `subtractTimerOverhead`';
var ae = class extends EventTarget {
  concurrency;
  iterations;
  name;
  now;
  retainSamples;
  runtime;
  runtimeVersion;
  setup;
  signal;
  subtractTimerOverhead;
  teardown;
  threshold;
  throws;
  time;
  timerOverhead;
  timestampProvider;
  warmup;
  warmupIterations;
  warmupTime;
  get results() {
    return this.tasks.map((e2) => e2.result);
  }
  get tasks() {
    return [...this.#e.values()];
  }
  #e = /* @__PURE__ */ new Map();
  constructor(t2 = {}) {
    super();
    let { name: r2, ...i2 } = t2;
    this.name = r2, this.runtime = h, this.runtimeVersion = g, this.concurrency = i2.concurrency ?? null, this.threshold = i2.threshold ?? Infinity, this.time = i2.time ?? 1e3, this.iterations = i2.iterations ?? 64, s(i2.now === void 0 || i2.timestampProvider === void 0, "Cannot set both `now` and `timestampProvider` options"), this.timestampProvider = E(i2.now ?? i2.timestampProvider), this.now = () => this.timestampProvider.toMs(this.timestampProvider.fn()), this.warmup = i2.warmup ?? true, this.warmupIterations = i2.warmupIterations ?? 16, this.warmupTime = i2.warmupTime ?? 250, this.setup = i2.setup ?? e, this.teardown = i2.teardown ?? e, this.throws = i2.throws ?? false, i2.signal != null && (this.signal = i2.signal), this.retainSamples = i2.retainSamples === true, this.subtractTimerOverhead = i2.subtractTimerOverhead === true, s(!(this.subtractTimerOverhead && this.concurrency === "task"), $);
    let a2 = this.subtractTimerOverhead ? q(this.timestampProvider) : void 0;
    a2 != null && (this.timerOverhead = a2), this.signal && this.signal.addEventListener("abort", () => {
      this.dispatchEvent(new n("abort"));
    }, { once: true });
  }
  add(e2, t2, r2 = {}) {
    if (this.#e.has(e2)) throw Error(`Task "${e2}" already exists`);
    {
      let i2 = new X(this, e2, t2, r2);
      this.#e.set(e2, i2), this.dispatchEvent(new n("add", i2));
    }
    return this;
  }
  getTask(e2) {
    return this.#e.get(e2);
  }
  remove(e2) {
    let t2 = this.getTask(e2);
    return t2 && (this.#e.delete(e2), this.dispatchEvent(new n("remove", t2))), this;
  }
  reset() {
    for (let e2 of this.#e.values()) e2.reset();
    this.dispatchEvent(new n("reset"));
  }
  async run() {
    s(!(this.subtractTimerOverhead && this.concurrency === "task"), $), this.warmup && await this.#t(), this.dispatchEvent(new n("start"));
    let e2 = [];
    if (this.concurrency === "bench") {
      let t2 = [];
      for (let e3 of this.#e.values()) t2.push(e3.run());
      e2 = await Promise.all(t2);
    } else for (let t2 of this.#e.values()) e2.push(await t2.run());
    return this.dispatchEvent(new n("complete")), e2;
  }
  runSync() {
    s(this.concurrency === null, "Cannot use `concurrency` option when using `runSync`"), this.warmup && this.#n();
    let e2 = [];
    this.dispatchEvent(new n("start"));
    for (let t2 of this.#e.values()) e2.push(t2.runSync());
    return this.dispatchEvent(new n("complete")), e2;
  }
  table(e2 = te) {
    return this.tasks.map(e2);
  }
  async #t() {
    if (this.dispatchEvent(new n("warmup")), this.concurrency === "bench") {
      let e2 = [];
      for (let t2 of this.#e.values()) e2.push(t2.warmup());
      await Promise.all(e2);
    } else for (let e2 of this.#e.values()) await e2.warmup();
  }
  #n() {
    this.dispatchEvent(new n("warmup"));
    for (let e2 of this.#e.values()) e2.warmupSync();
  }
};

// src/runtimes/types.ts
var VISIT_ENV = "CONCURRENCY_BENCH_VISIT";
var PROTOCOL_FD = 3;

// src/runtimes/node/batch.ts
function isThenable(value) {
  return value !== null && (typeof value === "object" || typeof value === "function") && typeof value.then === "function";
}
async function runBatch(executor, tasks, lanes, starts, latencies) {
  let next = 0;
  const lane = async (k2) => {
    while (next < tasks) {
      const index = next++;
      starts[k2] = Date.now();
      const begin2 = performance.now();
      const result = executor.run(index, k2);
      if (isThenable(result)) await result;
      latencies[index] = performance.now() - begin2;
      starts[k2] = 0;
    }
  };
  const begin = performance.now();
  const running = [];
  for (let k2 = 0; k2 < Math.min(lanes, tasks); k2++) running.push(lane(k2));
  await Promise.all(running);
  return performance.now() - begin;
}

// src/runtimes/node/executors/types.ts
import { readdirSync, readFileSync } from "node:fs";
import { isMainThread as readerIsMainThread } from "node:worker_threads";
var WorkerCrashError = class extends Error {
  code = "WORKER_CRASHED";
  constructor(message) {
    super(message);
    this.name = "WorkerCrashError";
  }
};
var TaskError = class extends Error {
  code = "TASK_FAILED";
  constructor(message) {
    super(message);
    this.name = "TaskError";
  }
};
var LIBUV_POOL_THREAD = "libuv-worker";
var WORKER_THREAD = "WorkerThread";
function threadCpuNs() {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) * 1e3;
}
var libuvNamesItsPool = (() => {
  const [major, minor] = process.versions.uv.split(".").map(Number);
  return major > 1 || major === 1 && minor >= 50;
})();
function readThreads() {
  let tids;
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return null;
  }
  const threads = [];
  for (const tid of tids) {
    try {
      const [cpu, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ").map(Number);
      const name = readFileSync(`/proc/self/task/${tid}/comm`, "utf8").trimEnd();
      const own = Number(tid) === process.pid && readerIsMainThread && typeof process.threadCpuUsage === "function";
      const cpuNs = own ? threadCpuNs() : cpu;
      if (Number.isFinite(cpuNs) && Number.isFinite(wait)) threads.push({ tid: Number(tid), name, cpuNs, waitNs: wait });
    } catch {
    }
  }
  return threads.length > 0 ? threads : null;
}
function threadTimes(isTask) {
  const threads = readThreads();
  if (!threads) return void 0;
  let taskCpuNs = 0;
  let taskWaitNs = 0;
  let poolCpuNs = 0;
  for (const thread of threads) {
    if (isTask(thread)) {
      taskCpuNs += thread.cpuNs;
      taskWaitNs += thread.waitNs;
    } else if (thread.name === LIBUV_POOL_THREAD) {
      poolCpuNs += thread.cpuNs;
    }
  }
  return { taskCpuMs: taskCpuNs / 1e6, taskRunQueueMs: taskWaitNs / 1e6, ...libuvNamesItsPool ? { poolCpuMs: poolCpuNs / 1e6 } : {} };
}
var isMainThread = (thread) => thread.tid === process.pid;
function sumThreadTimes(parts) {
  if (parts.some((p2) => p2 === void 0)) return void 0;
  const all = parts;
  const pool = all.every((p2) => p2.poolCpuMs !== void 0);
  return {
    taskCpuMs: all.reduce((sum, p2) => sum + p2.taskCpuMs, 0),
    taskRunQueueMs: all.reduce((sum, p2) => sum + p2.taskRunQueueMs, 0),
    ...pool ? { poolCpuMs: all.reduce((sum, p2) => sum + p2.poolCpuMs, 0) } : {}
  };
}
function threadTimesBetween(before, after) {
  if (!before || !after) return void 0;
  const pool = before.poolCpuMs !== void 0 && after.poolCpuMs !== void 0;
  return {
    taskCpuMs: Math.max(0, after.taskCpuMs - before.taskCpuMs),
    taskRunQueueMs: Math.max(0, after.taskRunQueueMs - before.taskRunQueueMs),
    ...pool ? { poolCpuMs: Math.max(0, after.poolCpuMs - before.poolCpuMs) } : {}
  };
}
function hostCpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e3;
}
function hostRunQueueMs() {
  let total = 0;
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      try {
        total += Number(readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ")[1]) || 0;
      } catch {
      }
    }
  } catch {
    return 0;
  }
  return total / 1e6;
}
function machineTicks() {
  try {
    const f2 = readFileSync("/proc/stat", "utf8").slice(0, 200).split("\n")[0].trim().split(/\s+/).map(Number);
    if (f2.length < 9 || !f2.slice(1, 9).every(Number.isFinite)) return null;
    return { busy: f2[1] + f2[2] + f2[3] + f2[6] + f2[7], steal: f2[8] };
  } catch {
    return null;
  }
}
function ticksBetween(before, after) {
  return before && after ? { busy: after.busy - before.busy, steal: after.steal - before.steal } : null;
}
function hostPeakRssBytes() {
  return process.resourceUsage().maxRSS * 1024;
}

// src/runtimes/node/executors/in-host.ts
function inHostExecutor(workload) {
  return {
    async start() {
      await workload.setup();
    },
    run: (taskIndex) => workload.run(taskIndex),
    // The tasks run on the main thread; what libuv's pool does for them is counted apart.
    usage: async () => ({ cpuMs: hostCpuMs(), threads: threadTimes(isMainThread), peakRssBytes: hostPeakRssBytes() }),
    async close() {
      await workload.teardown();
    },
    destroy() {
    }
  };
}

// src/runtimes/node/executors/process.ts
import { fork } from "node:child_process";

// src/paths.ts
import { fileURLToPath } from "node:url";
function ownFile(pathBelowRoot, extension = "entry") {
  const url = import.meta.url;
  const fromSource = url.endsWith(".ts");
  const marker = fromSource ? "/src/" : "/dist/";
  const root = url.slice(0, url.lastIndexOf(marker) + marker.length);
  const suffix = extension === "entry" ? fromSource ? ".ts" : ".js" : "";
  return fileURLToPath(new URL(pathBelowRoot + suffix, root));
}

// src/runtimes/node/load-workload.ts
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
var WorkloadLoadError = class extends Error {
  code = "WORKLOAD_LOAD_FAILED";
  constructor(message) {
    super(message);
    this.name = "WorkloadLoadError";
  }
};
var noop = () => void 0;
function describeError(error) {
  if (error instanceof Error) {
    const firstLine = String(error.message).split("\n")[0];
    return `${error.name && error.name !== "Error" ? error.name + ": " : "Error: "}${firstLine}`;
  }
  return `thrown value: ${String(error).split("\n")[0]}`;
}
async function loadWorkload(modulePath) {
  if (!existsSync(modulePath)) throw new WorkloadLoadError(`workload module not found: ${modulePath}`);
  let namespace;
  try {
    namespace = await import(pathToFileURL(modulePath).href);
  } catch (error) {
    throw new WorkloadLoadError(`importing the workload module failed: ${describeError(error)}`);
  }
  const exported = namespace.default;
  if (typeof exported === "function") return { setup: noop, run: exported, teardown: noop };
  if (exported && typeof exported === "object" && typeof exported.run === "function") {
    const definition = exported;
    const bind = (fn) => typeof fn === "function" ? fn.bind(definition) : noop;
    return { setup: bind(definition.setup), run: definition.run.bind(definition), teardown: bind(definition.teardown) };
  }
  const found = exported === void 0 ? "no default export" : `a default export of type ${typeof exported}`;
  throw new WorkloadLoadError(
    `the workload module has ${found}; expected a default export that is a function (taskIndex) => value | Promise, or an object { setup?, run, teardown? }`
  );
}

// src/runtimes/node/process-protocol.ts
var CHILD_MODULE_ENV = "CONCURRENCY_BENCH_MODULE";

// src/runtimes/repository-env.ts
var HIDDEN_PREFIXES = ["INPUT_", "ACTIONS_", "STATE_"];
var HIDDEN_NAMES = /* @__PURE__ */ new Set(["GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"]);
function isHiddenFromRepository(name) {
  const upper = name.toUpperCase();
  return HIDDEN_NAMES.has(upper) || HIDDEN_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
function repositoryEnv(extra = {}, base = process.env) {
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== void 0 && !isHiddenFromRepository(name)) env[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value !== void 0) env[name] = value;
  }
  return env;
}

// src/runtimes/node/executors/process.ts
var ChildWorker = class {
  child;
  /** The task in flight in each slot. */
  tasks;
  control;
  exited;
  ready;
  slots;
  constructor(modulePath, slots) {
    this.slots = slots;
    this.tasks = new Array(slots);
    this.child = fork(ownFile("runtimes/node/process-child"), [], {
      env: repositoryEnv({ [CHILD_MODULE_ENV]: modulePath }),
      execArgv: process.execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"]
    });
    this.ready = new Promise((resolve, reject) => {
      this.control = {
        resolve: (message) => message !== 0 && !Array.isArray(message) && message.type === "ready" ? resolve() : reject(new WorkloadLoadError(message.error)),
        reject
      };
    });
    this.child.on("message", (message) => this.onMessage(message));
    this.child.on("exit", (code, signal) => {
      this.exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      for (let slot = 0; slot < this.slots; slot++) this.settle(slot, new WorkerCrashError(`child process ${this.exited} during a task`));
      this.control?.reject(new WorkerCrashError(`child process ${this.exited}`));
      this.control = void 0;
    });
  }
  settle(slot, error) {
    const task = this.tasks[slot];
    if (!task) return;
    this.tasks[slot] = void 0;
    if (error) task.reject(error);
    else task.resolve();
  }
  onMessage(message) {
    if (message === 0) this.settle(0);
    else if (Array.isArray(message)) this.settle(message[0]);
    else if (message.type === "task-error") this.settle(message.slot ?? 0, new TaskError(message.error));
    else {
      const control = this.control;
      this.control = void 0;
      control?.resolve(message);
    }
  }
  run(taskIndex, slot) {
    if (this.exited) return Promise.reject(new WorkerCrashError(`child process ${this.exited}`));
    return new Promise((resolve, reject) => {
      this.tasks[slot] = { resolve, reject };
      this.child.send(this.slots === 1 ? taskIndex : [taskIndex, slot]);
    });
  }
  request(message) {
    if (this.exited) return Promise.reject(new WorkerCrashError(`child process ${this.exited}`));
    return new Promise((resolve, reject) => {
      this.control = { resolve, reject };
      this.child.send(message);
    });
  }
};
function processExecutor(modulePath, workers, perWorker = 1) {
  const children = [];
  const stats = async () => await Promise.all(children.map((child) => child.request({ type: "stats" })));
  return {
    async start() {
      for (let k2 = 0; k2 < workers; k2++) children.push(new ChildWorker(modulePath, perWorker));
      await Promise.all(children.map((child) => child.ready));
    },
    run: (taskIndex, lane) => children[lane % workers].run(taskIndex, Math.floor(lane / workers)),
    async usage() {
      const hostCpu = hostCpuMs();
      const hostThreads = threadTimes(() => false);
      const children2 = await stats();
      const threads = sumThreadTimes([hostThreads, ...children2.map((s2) => s2.threads)]);
      return {
        cpuMs: hostCpu + children2.reduce((sum, s2) => sum + s2.cpuMs, 0),
        threads,
        peakRssBytes: hostPeakRssBytes() + children2.reduce((sum, s2) => sum + s2.maxRssBytes, 0)
      };
    },
    async unhandledRejection() {
      const replies = await Promise.all(children.map((child) => child.request({ type: "check" })));
      return replies.find((reply) => reply.unhandledRejection)?.unhandledRejection;
    },
    async close() {
      await Promise.all(children.map((child) => child.request({ type: "teardown" })));
      for (const child of children) child.child.disconnect();
    },
    destroy() {
      for (const child of children) child.child.kill("SIGKILL");
    }
  };
}

// node_modules/piscina/dist/esm-wrapper.mjs
var import_main = __toESM(require_main(), 1);
var ArrayTaskQueue = import_main.default.ArrayTaskQueue;
var FixedQueue = import_main.default.FixedQueue;
var Piscina = import_main.default.Piscina;
var isWorkerThread = import_main.default.isWorkerThread;
var move = import_main.default.move;
var queueOptionsSymbol = import_main.default.queueOptionsSymbol;
var transferableSymbol = import_main.default.transferableSymbol;
var valueSymbol = import_main.default.valueSymbol;
var version = import_main.default.version;
var workerData = import_main.default.workerData;

// src/runtimes/node/executors/thread.ts
function threadExecutor(modulePath, workers, perWorker = 1) {
  let pool;
  let taskThreads;
  const everyWorker = (kind) => {
    const task = { concurrencyBench: kind, arrived: new SharedArrayBuffer(4), workers, waitMs: 5e3 };
    return Promise.allSettled(Array.from({ length: workers }, () => pool.run(task)));
  };
  return {
    async start() {
      const earlier = new Set((readThreads() ?? []).map((t2) => t2.tid));
      pool = new Piscina({
        filename: ownFile("runtimes/node/thread-task"),
        minThreads: workers,
        maxThreads: workers,
        // A stable pool: no worker retires mid-measurement.
        idleTimeout: Number.POSITIVE_INFINITY,
        concurrentTasksPerWorker: perWorker,
        // piscina's default ('sync'): what a user who adopts piscina gets. An idle worker blocks in
        // Atomics.wait, so work a task leaves running after it resolves pauses until the next task;
        // 'async' avoids that but costs ~20% more per dispatch (npm run bench measures both paths).
        atomics: "sync",
        workerData: { modulePath },
        execArgv: process.execArgv
      });
      const started = pool;
      await new Promise((resolve, reject) => {
        let ready = 0;
        started.on("message", (message) => {
          if (message?.concurrencyBench === "ready" && ++ready === workers) resolve();
          if (message?.concurrencyBench === "load-error") reject(new WorkloadLoadError(message.error));
        });
        started.on("error", (error) => reject(new WorkloadLoadError(`worker thread failed to start: ${error.message}`)));
      });
      const poolThreads = (readThreads() ?? []).filter((t2) => t2.name === WORKER_THREAD && !earlier.has(t2.tid)).map((t2) => t2.tid).sort((a2, b) => a2 - b);
      if (poolThreads.length >= workers) taskThreads = new Set(poolThreads.slice(0, workers));
    },
    // No wrapper around the promise: the hot path stays exactly piscina's. Failures are translated
    // once, by translateFailure, when the host reports them.
    run: (taskIndex) => pool.run(taskIndex),
    translateFailure(error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/^worker exited with code|Terminating worker thread/.test(message)) return new WorkerCrashError(`worker thread died during a task (${message})`);
      return error instanceof Error ? error : new TaskError(message);
    },
    usage: async () => ({ cpuMs: hostCpuMs(), threads: taskThreads && threadTimes((t2) => taskThreads.has(t2.tid)), peakRssBytes: hostPeakRssBytes() }),
    async unhandledRejection() {
      const results = await everyWorker("check");
      const failed = results.find((r2) => r2.status === "rejected");
      if (failed) throw failed.reason;
      return results.map((r2) => r2.value).find((r2) => r2 !== null) ?? void 0;
    },
    async close() {
      if (!pool) return;
      const results = await everyWorker("teardown");
      await pool.destroy();
      const failed = results.find((r2) => r2.status === "rejected");
      if (failed) throw failed.reason;
    },
    destroy() {
      void pool?.destroy();
    }
  };
}

// src/measure/sample-length.ts
var MAX_SAMPLE_REPEAT = 1e4;
function raisedRepeat(repeat, wallMs, minSampleMs, max = MAX_SAMPLE_REPEAT) {
  if (!(wallMs > 0) || !(minSampleMs > 0) || wallMs * 1.5 >= minSampleMs) return repeat;
  return Math.min(max, Math.max(repeat, Math.ceil(minSampleMs * repeat / wallMs)));
}

// src/measure/warmup.ts
var SETTLE_GAIN = 0.04;
var TREND_HORIZON_MS = 250;
var TREND_BATCHES = 4;
var MAX_POINTS = 12;
function binned(batches, start) {
  const total = batches.reduce((sum, b) => sum + b.wallMs, 0);
  const width = total / Math.min(MAX_POINTS, batches.length);
  const out = [];
  let x2 = start;
  let tasks = 0;
  let wall = 0;
  for (const b of batches) {
    tasks += b.tasks;
    wall += b.wallMs;
    x2 += b.wallMs;
    if (wall >= width * 0.999) {
      out.push({ x: x2, y: tasks / wall });
      tasks = 0;
      wall = 0;
    }
  }
  if (wall > 0) out.push({ x: x2, y: tasks / wall });
  return out;
}
function recentRise(batches) {
  let t2 = 0;
  const points = batches.map((b) => {
    t2 += b.wallMs;
    return { x: t2, y: b.wallMs > 0 ? b.tasks / b.wallMs : 0 };
  });
  const batchesRecent = points.filter((p2) => p2.x > t2 / 2);
  if (batchesRecent.length < TREND_BATCHES) return void 0;
  const recent = binned(batches.slice(batches.length - batchesRecent.length), t2 / 2);
  const slopes = [];
  for (let i2 = 0; i2 < recent.length; i2++) {
    for (let j2 = i2 + 1; j2 < recent.length; j2++) {
      if (recent[j2].x > recent[i2].x) slopes.push((recent[j2].y - recent[i2].y) / (recent[j2].x - recent[i2].x));
    }
  }
  const ys = recent.map((p2) => p2.y).sort((a2, b) => a2 - b);
  const level = ys[Math.floor(ys.length / 2)];
  if (slopes.length === 0 || level === 0) return 0;
  slopes.sort((a2, b) => a2 - b);
  const slope = slopes.length % 2 === 1 ? slopes[(slopes.length - 1) / 2] : (slopes[slopes.length / 2 - 1] + slopes[slopes.length / 2]) / 2;
  return slope * Math.max(t2 / 2, TREND_HORIZON_MS) / level;
}
function warmupDecision(batches, elapsedMs, minMs, maxMs) {
  if (elapsedMs >= maxMs) return { done: true, settled: false };
  if (elapsedMs < minMs) return { done: false };
  const rise = recentRise(batches);
  return rise !== void 0 && rise < SETTLE_GAIN ? { done: true, settled: true } : { done: false };
}

// src/runtimes/node/watchdog.ts
import { Worker } from "node:worker_threads";
var WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { slots, timeoutMs, fd, parentPid, intervalMs } = workerData;
const starts = new Float64Array(slots);
setInterval(() => {
  const now = Date.now();
  for (let lane = 0; lane < starts.length; lane++) {
    const started = starts[lane];
    if (started > 0 && now - started > timeoutMs) {
      const message = 'a task ran longer than timeoutMs (' + timeoutMs + ' ms) and was killed';
      try { writeSync(fd, JSON.stringify({ type: 'failure', status: 'timed-out', message }) + '\\n'); } catch {}
      process.kill(process.pid, 'SIGKILL');
    }
  }
  if (process.ppid !== parentPid) process.kill(process.pid, 'SIGKILL');
}, intervalMs);
`;
function startWatchdog(lanes, timeoutMs, protocolFd) {
  const buffer = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * lanes);
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: {
      slots: buffer,
      timeoutMs,
      fd: protocolFd,
      parentPid: process.ppid,
      intervalMs: Math.max(10, Math.min(250, Math.floor(timeoutMs / 4)))
    },
    // The watchdog must never inherit the workload's loaders or flags.
    execArgv: []
  });
  worker.unref();
  return { starts: new Float64Array(buffer), stop: () => void worker.terminate() };
}

// src/types.ts
function hybridLayout(concurrency, cores) {
  const workers = Math.max(1, Math.min(cores, concurrency));
  return { workers, perWorker: Math.ceil(concurrency / workers) };
}

// src/runtimes/node/workload-context.ts
import { writeSync } from "node:fs";
import { Writable } from "node:stream";
import { isMainThread as isMainThread2 } from "node:worker_threads";
var unhandled;
var prepared = false;
function prepareWorkloadContext() {
  if (prepared) return;
  prepared = true;
  synchronousStdio("stdout", 1);
  synchronousStdio("stderr", 2);
  process.on("unhandledRejection", (reason) => {
    unhandled ??= `unhandled rejection: ${describeError(reason)}`;
  });
}
async function takeUnhandledRejection() {
  await new Promise((resolve) => setImmediate(resolve));
  const taken = unhandled;
  unhandled = void 0;
  return taken;
}
function synchronousStdio(name, fd) {
  let restoreBlocking = () => {
  };
  if (isMainThread2) {
    const original = process[name];
    restoreBlocking = () => void original._handle?.setBlocking?.(true);
    restoreBlocking();
  }
  const write = (chunk, encoding) => writeAllSync(fd, chunk, encoding === "buffer" ? "utf8" : encoding, restoreBlocking);
  const writev = (chunks, callback) => {
    try {
      for (const { chunk, encoding } of chunks) write(chunk, encoding);
      callback();
    } catch (error) {
      callback(error);
    }
  };
  if (isMainThread2) {
    const stream = new Writable({
      decodeStrings: false,
      write: (chunk, encoding, callback) => writev([{ chunk, encoding }], callback),
      writev,
      // Like Node's own stdio: ending or destroying it never closes the fd.
      destroy: (error, callback) => callback(error)
    });
    Object.assign(stream, { fd, _isStdio: true });
    Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => stream });
  } else {
    const stream = process[name];
    stream._writev = writev;
    stream._write = (chunk, encoding, callback) => writev([{ chunk, encoding }], callback);
  }
}
var pause = new Int32Array(new SharedArrayBuffer(4));
function writeAllSync(fd, chunk, encoding, restoreBlocking) {
  let data = chunk;
  let offset = 0;
  while (typeof data === "string" || offset < data.length) {
    try {
      if (typeof data === "string") {
        const written = writeSync(fd, data, null, encoding);
        if (written === Buffer.byteLength(data, encoding)) return;
        data = Buffer.from(data, encoding);
        offset = written;
      } else {
        offset += writeSync(fd, data, offset);
      }
    } catch (error) {
      const code = error.code;
      if (code === "EAGAIN") {
        restoreBlocking();
        Atomics.wait(pause, 0, 0, 1);
      } else if (code === "EPIPE") return;
      else throw error;
    }
  }
}

// src/runtimes/node/host.ts
function send(message) {
  writeSync2(PROTOCOL_FD, JSON.stringify(message) + "\n");
}
function fail(status, message, executor) {
  send({ type: "failure", status, message });
  executor?.destroy();
  process.exit(1);
}
async function createExecutor(spec2) {
  switch (spec2.model) {
    case "sequential":
    case "async":
      return inHostExecutor(await loadWorkload(spec2.workload.modulePath));
    case "thread":
      return threadExecutor(spec2.workload.modulePath, spec2.concurrency);
    case "process":
      return processExecutor(spec2.workload.modulePath, spec2.concurrency);
    case "thread+async":
    case "process+async": {
      const workers = spec2.workers ?? hybridLayout(spec2.concurrency, availableParallelism()).workers;
      const perWorker = Math.ceil(spec2.concurrency / workers);
      return spec2.model === "thread+async" ? threadExecutor(spec2.workload.modulePath, workers, perWorker) : processExecutor(spec2.workload.modulePath, workers, perWorker);
    }
  }
}
async function unhandledRejection(executor) {
  return await takeUnhandledRejection() ?? await executor.unhandledRejection?.();
}
async function probe(spec2) {
  try {
    await loadWorkload(spec2.workload.modulePath);
  } catch (error) {
    fail("load-error", error instanceof WorkloadLoadError ? error.message : describeError(error));
  }
  send({ type: "hello", env: { node: process.version, v8: process.versions.v8, typeStripping: Boolean(process.features.typescript) } });
}
async function measure(spec2) {
  const { tasks, timeoutMs } = spec2.workload;
  const lanes = spec2.model === "sequential" ? 1 : spec2.concurrency;
  const watchdog = startWatchdog(lanes, timeoutMs, PROTOCOL_FD);
  watchdog.starts[0] = Date.now();
  const startBegin = performance.now();
  let executor;
  try {
    executor = await createExecutor(spec2);
    await executor.start();
  } catch (error) {
    const message = error instanceof WorkloadLoadError ? error.message : `starting the ${spec2.model} pool failed: ${describeError(error)}`;
    fail(error instanceof WorkerCrashError ? "crashed" : "load-error", message, executor);
  }
  const leftBySetup = await unhandledRejection(executor).catch((error) => fail("crashed", describeError(error), executor));
  if (leftBySetup) fail("load-error", `setup failed: ${leftBySetup}`, executor);
  watchdog.starts[0] = 0;
  send({ type: "ready", startupMs: performance.now() - startBegin });
  let repeat = Math.max(1, Math.floor(spec2.batchRepeat ?? 1));
  let latencies = new Float64Array(tasks * repeat);
  const resize = (sample) => {
    if (spec2.minSampleMs === void 0) return false;
    const next = raisedRepeat(repeat, sample.wallMs, spec2.minSampleMs);
    if (next === repeat) return false;
    repeat = next;
    latencies = new Float64Array(tasks * repeat);
    return true;
  };
  let batchFailure;
  const measureBatch = async () => {
    try {
      const runQueueBefore = hostRunQueueMs();
      const ticksBefore = machineTicks();
      const before = await executor.usage();
      let wallMs = 0;
      for (let r2 = 0; r2 < repeat; r2++) wallMs += await runBatch(executor, tasks, lanes, watchdog.starts, latencies.subarray(r2 * tasks, (r2 + 1) * tasks));
      const after = await executor.usage();
      const cpuMs = after.cpuMs - before.cpuMs;
      const threads = threadTimesBetween(before.threads, after.threads);
      const runQueueMs = threads ? threads.taskRunQueueMs : hostRunQueueMs() - runQueueBefore;
      const split = threads ? { taskCpuMs: threads.taskCpuMs, ...threads.poolCpuMs !== void 0 ? { poolCpuMs: threads.poolCpuMs } : {} } : {};
      const ticks = ticksBetween(ticksBefore, machineTicks());
      const rejection = await unhandledRejection(executor);
      if (rejection) throw new TaskError(rejection);
      return {
        type: "sample",
        wallMs,
        tasks: tasks * repeat,
        cpuMs,
        ...split,
        runQueueMs,
        ...ticks ? { machineTicks: ticks } : {},
        peakRssBytes: after.peakRssBytes,
        latenciesMs: Array.from(latencies, (l2) => Math.round(l2 * 1e3) / 1e3)
      };
    } catch (error) {
      batchFailure = executor.translateFailure?.(error) ?? error;
      return void 0;
    }
  };
  if (spec2.stepped) {
    for await (const command of commands()) {
      if (command.type !== "batch") continue;
      const sample = await measureBatch();
      if (!sample) break;
      send(sample);
    }
  } else {
    await autonomousBatches(spec2, measureBatch, resize);
  }
  if (batchFailure !== void 0) {
    fail(batchFailure instanceof WorkerCrashError ? "crashed" : "errored", describeError(batchFailure).replace(/^(TaskError|WorkerCrashError): /, ""), executor);
  }
  const { peakRssBytes } = await executor.usage();
  watchdog.starts[0] = Date.now();
  await executor.close();
  watchdog.stop();
  send({ type: "done", peakRssBytes });
  process.exit(0);
}
async function autonomousBatches(spec2, measureBatch, resize) {
  let measured = 0;
  let warmups = spec2.warmupBatches;
  const warmupBegan = performance.now();
  const warmupBatches = [];
  let warming = true;
  let measuringSince;
  const stop = new AbortController();
  const stillWarming = (sample) => {
    warmupBatches.push({ wallMs: sample.wallMs, tasks: sample.tasks });
    const resized = resize(sample);
    const elapsed = performance.now() - warmupBegan;
    if (--warmups >= 0) return true;
    if (resized) return true;
    if (spec2.warmupMaxMs === void 0) return elapsed < (spec2.warmupTimeMs ?? 0);
    const decision = warmupDecision(warmupBatches, elapsed, spec2.warmupTimeMs ?? 0, spec2.warmupMaxMs);
    if (!decision.done) return true;
    send({ type: "warmed", warmupMs: elapsed, settled: decision.settled });
    return false;
  };
  const oneBatch = async () => {
    if (stop.signal.aborted) return;
    const sample = await measureBatch();
    if (sample?.type !== "sample") return stop.abort();
    if (warming && stillWarming(sample)) return;
    warming = false;
    send(sample);
    measuringSince ??= performance.now() - sample.wallMs;
    measured++;
    const enough = measured >= spec2.minBatches && performance.now() - measuringSince >= spec2.sampleTimeMs;
    if (enough || measured >= spec2.maxBatches) stop.abort();
  };
  const bench = new ae({
    time: Number.POSITIVE_INFINITY,
    iterations: Number.MAX_SAFE_INTEGER,
    warmup: false,
    signal: stop.signal,
    throws: true
  });
  bench.add("batch", oneBatch, { async: true });
  await bench.run();
}
async function* commands() {
  const input = createInterface({ input: createReadStream("", { fd: PROTOCOL_FD, autoClose: false }) });
  for await (const line of input) {
    try {
      yield JSON.parse(line);
    } catch {
    }
  }
}
var spec = JSON.parse(process.env[VISIT_ENV] ?? "null");
if (!spec) {
  process.stderr.write(`this is the concurrency-bench host; it is started by concurrency-bench with ${VISIT_ENV} set
`);
  process.exit(2);
}
prepareWorkloadContext();
await (spec.mode === "probe" ? probe(spec) : measure(spec));
