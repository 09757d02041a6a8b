#!/usr/bin/env node
import { createRequire as __concurrencyBenchCreateRequire } from 'node:module';
const require = __concurrencyBenchCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/types.ts
function isHybrid(model2) {
  return model2 === "thread+async" || model2 === "process+async";
}
function hybridLayout(concurrency, cores) {
  const workers = Math.max(1, Math.min(cores, concurrency));
  return { workers, perWorker: Math.ceil(concurrency / workers) };
}
var MODELS, RUNTIMES;
var init_types = __esm({
  "src/types.ts"() {
    "use strict";
    MODELS = ["sequential", "async", "thread", "process", "thread+async", "process+async"];
    RUNTIMES = ["node", "python"];
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line2, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line2.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref2 = sourceObjects.get(source);
            if (typeof ref2 === "object" && ref2.anchor && (identity.isScalar(ref2.node) || identity.isCollection(ref2.node))) {
              ref2.node.anchor = ref2.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj2, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj2, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type2) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type2 });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref2 = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref2 = sourceObjects.get(value);
        if (ref2) {
          ref2.anchor ?? (ref2.anchor = onAnchor(value));
          return new Alias.Alias(ref2.anchor);
        } else {
          ref2 = { anchor: null, node: null };
          sourceObjects.set(value, ref2);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref2)
            ref2.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref2)
        ref2.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type2, schema) {
        super(type2);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type: type2, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type2 === Scalar.Scalar.BLOCK_FOLDED ? false : type2 === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type2 !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type: type2, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type2 !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type: type2 } = item;
      if (type2 !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type2 = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type2);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj2;
      if (identity.isScalar(item)) {
        obj2 = item.value;
        let match = tags.filter((t) => t.identify?.(obj2));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj2 = item;
        tagObj = tags.find((t) => t.nodeClass && obj2 instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj2?.constructor?.name ?? (obj2 === null ? "null" : typeof obj2);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair2 = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair2, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line2 = lines[i];
          str2 += line2 ? `
${indent}${line2}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line2) => sum + line2.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line2) => sum + line2.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line2 of lines)
            str2 += line2 ? `
${indentStep}${indent}${line2}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj2, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj2, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj2 instanceof Map) {
          for (const [key, value] of obj2)
            add(key, value);
        } else if (obj2 && typeof obj2 === "object") {
          for (const key of Object.keys(obj2))
            add(key, obj2[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair2, overwrite) {
        let _pair;
        if (identity.isPair(pair2))
          _pair = pair2;
        else if (!pair2 || typeof pair2 !== "object" || !("key" in pair2)) {
          _pair = new Pair.Pair(pair2, pair2?.value);
        } else
          _pair = new Pair.Pair(pair2.key, pair2.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj2, ctx) => YAMLMap.YAMLMap.from(schema, obj2, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj2, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj2 && Symbol.iterator in Object(obj2)) {
          let i = 0;
          for (let it of obj2) {
            if (typeof replacer === "function") {
              const key = obj2 instanceof Set ? it : String(i++);
              it = replacer.call(obj2, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj2, ctx) => YAMLSeq.YAMLSeq.from(schema, obj2, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type: type2, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type2 ?? (type2 = Scalar.Scalar.BLOCK_LITERAL);
        if (type2 !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type2 === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type: type2, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair2 = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair2.key.commentBefore = pair2.key.commentBefore ? `${item.commentBefore}
${pair2.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair2.value ?? pair2.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair2;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair2 of this.items) {
          let key, value;
          if (identity.isPair(pair2)) {
            key = toJS.toJS(pair2.key, "", ctx);
            value = toJS.toJS(pair2.value, key, ctx);
          } else {
            key = toJS.toJS(pair2, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair2;
        if (identity.isPair(key))
          pair2 = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair2 = new Pair.Pair(key.key, null);
        else
          pair2 = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair2.key);
        if (!prev)
          this.items.push(pair2);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair2 = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair2) ? identity.isScalar(pair2.key) ? pair2.key.value : pair2.key : pair2;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool2 = require_bool2();
    var float = require_float2();
    var int2 = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.trueTag,
      bool2.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool2.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line: line2, col } = error.linePos[0];
      error.message += ` at line ${line2}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line2 - 1], lc.lineStarts[line2]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line2 > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line2 - 2], lc.lineStarts[line2 - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line2 && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair2) => isEqual(pair2.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type: type2 } = token;
          switch (type2) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type2} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair2);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair2);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type2 = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type: type2, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type2 === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type: type2, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type: type2, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type2) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type2}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line2 = /(.*?)\r?\n/sy;
      let match = line2.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line2.lastIndex;
      while (match = line2.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line2.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type: type2, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type2)
        scalar.type = type2;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type: type2 = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type: type2, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type: type2 } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type2)
        switch (token.type) {
          case "single-quoted-scalar":
            type2 = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type2 = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type2 = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type2 = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type: type2, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type2) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type2;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type: type2, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type: type2, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type: type2, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line2 = this.getLine();
        if (line2 === null)
          return this.setNext("stream");
        if (line2[0] === cst.BOM) {
          yield* this.pushCount(1);
          line2 = line2.substring(1);
        }
        if (line2[0] === "%") {
          let dirEnd = line2.length;
          let cs = line2.indexOf("#");
          while (cs !== -1) {
            const ch = line2[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line2.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line2[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line2.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line2.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line2 = this.getLine();
        if (line2 === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line2[n]) {
          case "#":
            yield* this.pushCount(line2.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line2.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line2 = this.getLine();
        if (line2 === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line2[0] !== "#" || indent === 0 && (line2.startsWith("---") || line2.startsWith("...")) && isEmpty(line2[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line2[0] === "]" || line2[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line2[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line2[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line2.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type2) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type2)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type2 = cst.tokenType(source);
        if (!type2) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type2 === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type2;
          yield* this.step();
          switch (type2) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type2) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type: type2,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions2(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions2(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions2(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

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
var init_paths = __esm({
  "src/paths.ts"() {
    "use strict";
  }
});

// src/runtimes/repository-env.ts
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
var HIDDEN_PREFIXES, HIDDEN_NAMES;
var init_repository_env = __esm({
  "src/runtimes/repository-env.ts"() {
    "use strict";
    HIDDEN_PREFIXES = ["INPUT_", "ACTIONS_", "STATE_"];
    HIDDEN_NAMES = /* @__PURE__ */ new Set(["GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"]);
  }
});

// src/runtimes/types.ts
var VISIT_ENV, RuntimeUnavailableError;
var init_types2 = __esm({
  "src/runtimes/types.ts"() {
    "use strict";
    VISIT_ENV = "CONCURRENCY_BENCH_VISIT";
    RuntimeUnavailableError = class extends Error {
      code = "RUNTIME_UNAVAILABLE";
      constructor(message) {
        super(message);
        this.name = "RuntimeUnavailableError";
      }
    };
  }
});

// src/runtimes/node/runtime.ts
import { execFile as execFile2 } from "node:child_process";
import { accessSync, constants, realpathSync as realpathSync2, statSync as statSync2 } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, isAbsolute, join as join3 } from "node:path";
import { pathToFileURL as pathToFileURL2 } from "node:url";
function nodeOnPath(path = process.env.PATH ?? "") {
  const names = process.platform === "win32" ? ["node.exe", "node"] : ["node"];
  for (const dir of path.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const name of names) {
      const candidate = join3(dir, name);
      try {
        if (!statSync2(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
      }
    }
  }
  return void 0;
}
function parseVersion(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : void 0;
}
function atLeast(version, min) {
  for (let i = 0; i < 3; i++) if (version[i] !== min[i]) return version[i] > min[i];
  return true;
}
function unsupportedNodeReason(version, hostIsTypeScript = ownFile("runtimes/node/host").endsWith(".ts")) {
  const v = parseVersion(version);
  if (!v) return `its version ${JSON.stringify(version)} is not one concurrency-bench understands`;
  if (!atLeast(v, MIN_WORKLOAD_NODE)) return `it is Node ${version}, older than ${MIN_WORKLOAD_NODE.join(".")}, the oldest concurrency-bench supports`;
  if (hostIsTypeScript && !(v[0] >= 24 || MIN_STRIPPING_NODE.some((min) => v[0] === min[0] && atLeast(v, min)))) {
    return `it is Node ${version}, which cannot run concurrency-bench from its TypeScript sources (type stripping needs 22.18 or 23.6 and later)`;
  }
  return void 0;
}
function sameFile(a, b) {
  try {
    return realpathSync2(a) === realpathSync2(b);
  } catch {
    return false;
  }
}
function inspect(command, cwd) {
  return new Promise((resolve6, reject) => {
    execFile2(command, ["-e", INSPECT], { cwd, timeout: 2e4, encoding: "utf8", env: repositoryEnv() }, (error, stdout, stderr) => {
      try {
        const answer = JSON.parse(stdout);
        if (typeof answer.version === "string" && typeof answer.executable === "string" && isAbsolute(answer.executable)) {
          return resolve6({ version: answer.version, executable: answer.executable });
        }
      } catch {
      }
      const why = (stderr || error?.message || stdout || "no output").trim().split(/\r?\n/).at(-1);
      reject(new Error(why));
    });
  });
}
async function findWorkloadNode(lookup = {}) {
  const self = lookup.self ?? { executable: process.execPath, version: process.version };
  const found = nodeOnPath(lookup.path ?? process.env.PATH ?? "");
  if (!found) return { ...self, source: "self" };
  if (sameFile(found, self.executable)) return { ...self, source: "path", found };
  let answer;
  try {
    answer = await inspect(found, lookup.cwd ?? process.cwd());
  } catch (error) {
    throw new RuntimeUnavailableError(`the node on PATH (${found}) does not run: ${error.message}; fix or remove it, or put a working Node ${MIN_WORKLOAD_NODE.join(".")} or newer first on PATH (actions/setup-node)`);
  }
  const why = unsupportedNodeReason(answer.version, lookup.hostIsTypeScript);
  if (why) {
    throw new RuntimeUnavailableError(`Node workloads run on the node on PATH (${found}), but ${why}; put Node ${MIN_WORKLOAD_NODE.join(".")} or newer first on PATH (e.g. actions/setup-node with node-version: 22 or later)`);
  }
  return { executable: answer.executable, version: answer.version, source: "path", found };
}
function workloadNode() {
  resolved ??= findWorkloadNode().then(
    (node) => {
      settled = { node };
      return node;
    },
    (error) => {
      settled = { error };
      throw error;
    }
  );
  return resolved;
}
function settledWorkloadNode() {
  return settled;
}
function tsxLoaderFor(workload2) {
  if (!/\.(c|m)?tsx?$/.test(workload2.modulePath)) return void 0;
  try {
    return pathToFileURL2(createRequire(workload2.modulePath).resolve("tsx")).href;
  } catch {
    return void 0;
  }
}
function createNodeRuntime(node = workloadNode) {
  return {
    id: "node",
    models: MODELS,
    async hostCommand(workload2, _spec) {
      if (process.platform === "win32") throw new RuntimeUnavailableError("Node workloads need Linux or macOS for now (hosts are stopped by killing their POSIX process group; on Windows that would leave processes behind)");
      const tsx = tsxLoaderFor(workload2);
      return {
        command: (await node()).executable,
        args: [...tsx ? ["--import", tsx] : [], "--no-warnings=ExperimentalWarning", ownFile("runtimes/node/host")],
        cwd: workload2.configDir
      };
    }
  };
}
var MIN_WORKLOAD_NODE, MIN_STRIPPING_NODE, INSPECT, resolved, settled, nodeRuntime;
var init_runtime = __esm({
  "src/runtimes/node/runtime.ts"() {
    "use strict";
    init_paths();
    init_types();
    init_repository_env();
    init_types2();
    MIN_WORKLOAD_NODE = [22, 12, 0];
    MIN_STRIPPING_NODE = [
      [22, 18, 0],
      [23, 6, 0]
    ];
    INSPECT = "process.stdout.write(JSON.stringify({ version: process.version, executable: process.execPath }))";
    nodeRuntime = createNodeRuntime();
  }
});

// src/runtimes/python/interpreter.ts
import { execFile as execFile3 } from "node:child_process";
function inspect2(command, cwd) {
  return new Promise((resolve6) => {
    execFile3(command, ["-c", INSPECT2], { cwd, timeout: 2e4, encoding: "utf8", env: repositoryEnv() }, (error, stdout, stderr) => {
      if (error && error.code === "ENOENT") return resolve6({ kind: "missing", detail: "not found" });
      const [version = "", implementation = "", executable = ""] = stdout.trim().split(/\r?\n/);
      if (error || !/^\d+\.\d+\.\d+$/.test(version)) {
        const why = (stderr || error?.message || stdout).trim().split(/\r?\n/).at(-1) ?? "no output";
        return resolve6({ kind: "broken", detail: why });
      }
      resolve6({ kind: "found", version: version.split(".").map(Number), implementation, executable: executable || command });
    });
  });
}
function tooOld(version) {
  return version[0] < MIN_PYTHON[0] || version[0] === MIN_PYTHON[0] && version[1] < MIN_PYTHON[1];
}
async function check(command, cwd) {
  const found = await inspect2(command, cwd);
  if (found.kind !== "found") throw new Error(found.kind === "missing" ? `"${command}" not found` : `"${command}" does not run (${found.detail})`);
  const version = found.version.join(".");
  if (tooOld(found.version)) throw new Error(`"${command}" is Python ${version}, older than ${MIN_PYTHON.join(".")}`);
  return { executable: found.executable, version, implementation: found.implementation };
}
function checked(command, cwd) {
  const key = `${cwd}\0${command}`;
  let pending = cache2.get(key);
  if (!pending) {
    pending = check(command, cwd);
    cache2.set(key, pending);
  }
  return pending;
}
async function findPython(configured, cwd) {
  const wanted = `Python ${MIN_PYTHON.join(".")} or newer`;
  const candidates = configured !== void 0 ? [configured] : DEFAULT_INTERPRETERS;
  const reasons = [];
  for (const command of candidates) {
    try {
      return await checked(command, cwd);
    } catch (error) {
      reasons.push(error.message);
    }
  }
  const advice = configured !== void 0 ? `point "python" at ${wanted}` : `install ${wanted} or set "python" in the workload`;
  throw new RuntimeUnavailableError(`no usable Python interpreter: ${reasons.join("; ")}; ${advice}`);
}
var MIN_PYTHON, DEFAULT_INTERPRETERS, INSPECT2, cache2;
var init_interpreter = __esm({
  "src/runtimes/python/interpreter.ts"() {
    "use strict";
    init_types2();
    init_repository_env();
    MIN_PYTHON = [3, 9];
    DEFAULT_INTERPRETERS = ["python3", "python"];
    INSPECT2 = 'import sys, platform; print("%d.%d.%d" % tuple(sys.version_info[:3])); print(platform.python_implementation()); print(sys.executable)';
    cache2 = /* @__PURE__ */ new Map();
  }
});

// src/runtimes/python/runtime.ts
import { existsSync as existsSync3 } from "node:fs";
function harnessPath() {
  return ownFile(HARNESS_FILE, "asset");
}
function workingDirectory(workload2) {
  return workload2.configDir;
}
var HARNESS_FILE, pythonRuntime;
var init_runtime2 = __esm({
  "src/runtimes/python/runtime.ts"() {
    "use strict";
    init_paths();
    init_types();
    init_types2();
    init_interpreter();
    HARNESS_FILE = "runtimes/python/harness/concurrency_bench_host.py";
    pythonRuntime = {
      id: "python",
      models: MODELS,
      async hostCommand(workload2, _spec) {
        if (process.platform === "win32") throw new RuntimeUnavailableError("Python workloads need Linux or macOS (the harness relies on POSIX process groups)");
        const cwd = workingDirectory(workload2);
        const interpreter = await findPython(workload2.python, cwd);
        const harness = harnessPath();
        if (!existsSync3(harness)) throw new RuntimeUnavailableError(`the Python harness is missing from this installation (${harness})`);
        return { command: interpreter.executable, args: [harness], cwd };
      }
    };
  }
});

// src/runtimes/registry.ts
var registry_exports = {};
__export(registry_exports, {
  runtimeFor: () => runtimeFor
});
function runtimeFor(id) {
  return runtimes[id];
}
var runtimes;
var init_registry = __esm({
  "src/runtimes/registry.ts"() {
    "use strict";
    init_runtime();
    init_runtime2();
    runtimes = { node: nodeRuntime, python: pythonRuntime };
  }
});

// src/cli.ts
import { writeFileSync as writeFileSync2 } from "node:fs";
import { parseArgs } from "node:util";

// src/cli/color.ts
function colorEnabled({ noColorFlag = false, env, isTTY }) {
  if (noColorFlag) return false;
  const force = env.FORCE_COLOR;
  if (force !== void 0) return !["0", "false"].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return isTTY;
}

// src/cli/errors.ts
var UsageError = class extends Error {
  code = "USAGE";
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};

// src/analysis/steadiness.ts
var UNSTEADY_SPREAD = 0.25;
var STEADINESS_MIN_HOSTS = 2;
function hostSpread(rates) {
  const usable = rates.filter((r) => Number.isFinite(r) && r > 0);
  if (usable.length < STEADINESS_MIN_HOSTS) return void 0;
  const low = Math.min(...usable);
  const high = Math.max(...usable);
  return { hosts: usable.length, low, high, spread: high / low - 1 };
}
function unsteadyWorkloads(results, limit = UNSTEADY_SPREAD) {
  const out = [];
  for (const w of results.workloads) {
    const sequential = w.cells.find((c) => c.model === "sequential" && c.hostRates);
    const spread = sequential?.hostRates ? hostSpread(sequential.hostRates) : void 0;
    if (spread && spread.spread > limit) out.push({ workload: w.name, ...spread });
  }
  return out.sort((a, b) => b.spread - a.spread);
}

// src/stats/rng.ts
function mulberry32(seed2) {
  let state = seed2 >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function shuffled(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// src/stats/bootstrap.ts
var DEFAULT_RESAMPLES = 2e3;
function medianInPlace(xs, length = xs.length) {
  if (length === 0) return Number.NaN;
  const mid = length >> 1;
  const upper = select(xs, 0, length - 1, mid);
  if (length % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (xs[i] > lower) lower = xs[i];
  return (lower + upper) / 2;
}
function select(xs, lo, hi, k) {
  while (lo < hi) {
    const pivot = xs[lo + hi >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] < pivot) i++;
      while (xs[j] > pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k];
  }
  return xs[k];
}
function bootstrapDistribution(values, statistic, options) {
  const n = values.length;
  const count = options.resamples ?? DEFAULT_RESAMPLES;
  const out = new Float64Array(count);
  if (n === 0) return out.fill(Number.NaN);
  const random = mulberry32(options.seed);
  const scratch = new Float64Array(n);
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < n; i++) scratch[i] = values[Math.floor(random() * n)];
    out[b] = statistic(scratch);
  }
  return out.sort();
}
function quantileSorted(sorted, q) {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function percentileInterval(sorted, alpha2) {
  return [quantileSorted(sorted, alpha2 / 2), quantileSorted(sorted, 1 - alpha2 / 2)];
}
function tailAtOrAbove(sorted, x) {
  let count = 0;
  for (let i = sorted.length - 1; i >= 0 && sorted[i] >= x; i--) count++;
  return (count + 1) / (sorted.length + 1);
}
function tailAtOrBelow(sorted, x) {
  let count = 0;
  for (let i = 0; i < sorted.length && sorted[i] <= x; i++) count++;
  return (count + 1) / (sorted.length + 1);
}

// src/stats/paired-speedup.ts
var HOST_ROUNDS = 3;
var HOST_SPREAD_FACTOR = 1;
var rate = (s) => s.tasks / s.wallMs;
function pairedSpeedup(rounds, options = {}) {
  const groups = rounds.map((r) => r.candidate.map((c, i) => Math.log(rate(c) / rate(r.baseline[i]))).filter(Number.isFinite)).filter((g) => g.length > 0);
  if (groups.length === 0) return void 0;
  const all = groups.flat();
  const deviations = groups.flatMap((g) => {
    const center = medianInPlace(Float64Array.from(g));
    return g.map((x) => Math.abs(x - center));
  });
  const random = mulberry32(options.seed ?? 1);
  const resamples = options.resamples ?? 2e3;
  const stats = new Float64Array(resamples);
  const scratch = new Float64Array(groups.length * Math.max(...groups.map((g) => g.length)));
  const walsh = new Float64Array(scratch.length * (scratch.length + 1) / 2);
  for (let r = 0; r < resamples; r++) {
    let n = 0;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[Math.floor(random() * groups.length)];
      for (let i = 0; i < group.length; i++) scratch[n++] = group[Math.floor(random() * group.length)];
    }
    stats[r] = hodgesLehmann(scratch, n, walsh);
  }
  stats.sort();
  const at = (q) => Math.exp(stats[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]);
  const spread = 1.4826 * medianInPlace(Float64Array.from(deviations));
  return { speedup: Math.exp(hodgesLehmann(Float64Array.from(all), all.length, new Float64Array(all.length * (all.length + 1) / 2))), ci95: [at(0.025), at(0.975)], rounds: groups.length, pairs: all.length, spread };
}
function hodgesLehmann(xs, n, walsh) {
  let m = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh[m++] = (xs[i] + xs[j]) / 2;
  return medianInPlace(walsh, m);
}
function figureInterval(p, hostSpreadFloor = 0) {
  const spread = Math.max(p.spread !== void 0 && p.spread > 0 ? HOST_SPREAD_FACTOR * p.spread : 0, hostSpreadFloor > 0 ? hostSpreadFloor : 0);
  if (p.rounds >= HOST_ROUNDS || !(spread > 0)) return { interval: p.ci95, hostsAdded: false };
  return { interval: withHostSpread(p.speedup, p.ci95, spread, p.rounds), hostsAdded: true };
}
function withHostSpread(figure, interval, spread, hosts) {
  const center = Math.log(figure);
  const host = 1.96 * spread / Math.sqrt(Math.max(1, hosts));
  const widen2 = (end) => Math.hypot(Math.abs(Math.log(end) - center), host);
  return [Math.exp(center - widen2(interval[0])), Math.exp(center + widen2(interval[1]))];
}

// src/report/format.ts
init_types();
function levelLabel(cell2) {
  if (!isHybrid(cell2.model) || cell2.workers === void 0) return String(cell2.concurrency);
  return `${cell2.workers}x${Math.ceil(cell2.concurrency / cell2.workers)}`;
}
function cellName(cell2) {
  if (cell2.model === "sequential") return "sequential";
  return isHybrid(cell2.model) && cell2.workers !== void 0 ? `${cell2.model} ${levelLabel(cell2)}` : `${cell2.model} x${cell2.concurrency}`;
}
function formatNumber(value) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return "-";
  const abs = Math.abs(value);
  if (abs >= 100) return groupThousands(Math.round(value));
  if (abs === 0) return "0";
  const digits = abs >= 10 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  return value.toFixed(digits);
}
function groupThousands(n) {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function formatChange(fraction, digits = 1) {
  if (fraction === null || fraction === void 0 || !Number.isFinite(fraction)) return "-";
  const pct = (fraction * 100).toFixed(digits);
  if (Number(pct) === 0) return `${0 .toFixed(digits)}%`;
  return `${fraction > 0 ? "+" : ""}${pct}%`;
}
function formatDetectable(fraction) {
  if (fraction === null || fraction === void 0 || !Number.isFinite(fraction)) return "unknown (too few rounds)";
  if (fraction >= 1) return "over 100% (too few rounds to tell more)";
  return formatChange(fraction).replace("+", "");
}
function formatUtilization(value) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return "-";
  return `${Math.round(value * 100)}%`;
}
function formatBytes(bytes) {
  if (!bytes || !Number.isFinite(bytes)) return "-";
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
function formatMs(ms) {
  if (ms === null || ms === void 0 || !Number.isFinite(ms)) return "-";
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(3)} ms`;
}
function formatSpeedup(value) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return "-";
  return `${value.toFixed(2)}x`;
}
function formatRecommendedSpeedup(rec) {
  return rec.speedupRange ? `${formatSpeedup(rec.speedupRange[0])}-${formatSpeedup(rec.speedupRange[1])}` : formatSpeedup(rec.speedup);
}
var DOUBT_TEXT = {
  "within-noise": "a costlier model was within noise of it",
  "one-round": "one round of hosts",
  "suspect-baseline": "the sequential figure itself read slow",
  "model-not-measured": "a model was not measured",
  "not-enough-data": "too little data to compare"
};
function lowConfidenceText(rec) {
  if (rec.confidence !== "low") return void 0;
  return rec.doubts?.length ? `low confidence: ${doubtsText(rec.doubts)}` : "low confidence";
}
function doubtsText(doubts) {
  return doubts.map((d) => DOUBT_TEXT[d]).join("; ");
}
function speedupLabel(cell2) {
  if (cell2.speedupWithheld !== void 0) return cell2.speedupWithheld.startsWith("not enough data") ? "not enough data" : "withheld";
  return formatSpeedup(cell2.speedup);
}
function cellNotes(workload2) {
  const notes = workload2.cells.filter((c) => c.speedupWithheld !== void 0).map((c) => `${c.model} ${levelLabel(c)}: ${c.speedupWithheld}`);
  for (const c of workload2.cells) {
    if (!c.paired || c.speedupWithheld !== void 0) continue;
    const p = c.paired;
    const { interval: [lo, hi], hostsAdded } = figureInterval(p);
    const hosts = hostsAdded ? " with the spread between fresh hosts" : "";
    notes.push(`${c.model} ${levelLabel(c)}: ${formatSpeedup(p.speedup)} measured paired against sequential (95% interval ${formatSpeedup(lo)} to ${formatSpeedup(hi)}${hosts}, ${p.rounds} round${p.rounds === 1 ? "" : "s"} of both hosts alive at once, ${p.pairs} batch pairs)`);
  }
  const byReason = /* @__PURE__ */ new Map();
  for (const s of workload2.skipped ?? []) byReason.set(s.reason, [...byReason.get(s.reason) ?? [], `${s.model} ${s.concurrency}${isHybrid(s.model) ? " in flight" : ""}`]);
  for (const [reason, cells] of byReason) notes.push(`not measured: ${cells.join(", ")} (${reason})`);
  const cold = workload2.cells.filter((c) => (c.warmup?.unsettled ?? 0) > 0);
  if (cold.length > 0) {
    const list = cold.map((c) => `${c.model} ${levelLabel(c)} (${c.warmup.unsettled} of ${c.rounds} visits)`).join(", ");
    notes.push(`still warming up when the warm-up cap ended: ${list}; their figures are of code not yet at full speed (a longer --time-budget warms up longer)`);
  }
  return notes;
}
function formatRef(ref2, sha, escape) {
  if (!sha) return escape(ref2);
  const short = escape(sha.slice(0, 7));
  const isTheSha = /^[0-9a-f]{7,40}$/i.test(ref2) && sha.toLowerCase().startsWith(ref2.toLowerCase());
  return isTheSha ? short : `${escape(ref2)} (${short})`;
}
function unsteadyBaselineText(spreads, escape, shown = 3) {
  if (spreads.length === 0) return null;
  const items = spreads.slice(0, shown).map((s) => `${escape(s.workload)}: ${formatNumber(s.low)} to ${formatNumber(s.high)} tasks/s in ${s.hosts} hosts, x${(s.high / s.low).toFixed(2)}`);
  const more = spreads.length > shown ? `, and ${spreads.length - shown} more` : "";
  return `The baseline did not hold still: the same sequential code ran at different speeds in different hosts of this run (${items.join("; ")}${more}). The machine's speed moved, its hosts started in different states (a host of tiny tasks can settle at one of two speeds), or the code runs at another speed alone than when its batches alternate with another host's (as in paired rounds). Paired figures cancel what slows both sides of a pair alike, not all of it, and unpaired ones carry all of it: treat a close call as unsettled (if the machine moved, run again on a quieter one).`;
}

// src/stats/sorted.ts
function sortSamples(values) {
  return Array.from(values).sort((a, b) => a - b);
}
function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
function median(sorted) {
  return quantile(sorted, 0.5);
}

// src/stats/ratio.ts
function groupSamples(values, sizes) {
  if (!sizes || sizes.reduce((a, b) => a + b, 0) !== values.length) return [values.slice()];
  const groups = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(values.slice(at, at + size));
    at += size;
  }
  return groups;
}
function resampledGroupedMedian(groups, random, scratch) {
  scratch.length = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[Math.floor(random() * groups.length)];
    for (let i = 0; i < group.length; i++) scratch.push(group[Math.floor(random() * group.length)]);
  }
  scratch.sort((x, y) => x - y);
  const mid = (scratch.length - 1) / 2;
  return (scratch[Math.floor(mid)] + scratch[Math.ceil(mid)]) / 2;
}
function ratioOfMediansGrouped(a, b, options = {}) {
  const resamples = options.resamples ?? 2e3;
  const random = mulberry32(options.seed ?? 1);
  const ratio = median(sortSamples(a.flat())) / median(sortSamples(b.flat()));
  const scratchA = [];
  const scratchB = [];
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) ratios[r] = resampledGroupedMedian(a, random, scratchA) / resampledGroupedMedian(b, random, scratchB);
  ratios.sort();
  const at = (q) => ratios[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
  return { ratio, ci95: [at(0.025), at(0.975)] };
}

// src/analysis/recommend.ts
init_types();

// src/analysis/classify.ts
var CPU_BOUND_AT = 0.8;
var IO_BOUND_AT = 0.3;
function computingShare(sequential) {
  return sequential.cpuUtilization + (sequential.runQueueShare ?? 0);
}
function classify(sequential) {
  if (!sequential || sequential.status !== "ok" || sequential.samples === 0) return null;
  const u = computingShare(sequential);
  if (u >= CPU_BOUND_AT) return "cpu-bound";
  if (u <= IO_BOUND_AT) return "io-bound";
  return "mixed";
}

// src/analysis/paired-figure.ts
function sequentialHostSpread(rates) {
  const logs = (rates ?? []).filter((r) => Number.isFinite(r) && r > 0).map(Math.log);
  if (logs.length < 2) return 0;
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return Math.sqrt(logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (logs.length - 1));
}
function pairedFigureInterval(paired, sequentialHostRates2) {
  const apart = hostSpread(sequentialHostRates2 ?? []);
  const floor = paired.rounds < HOST_ROUNDS && apart !== void 0 && apart.spread > UNSTEADY_SPREAD ? sequentialHostSpread(sequentialHostRates2) : 0;
  const own = paired.spread !== void 0 && paired.spread > 0 ? HOST_SPREAD_FACTOR * paired.spread : 0;
  return { ...figureInterval(paired, floor), fromSequentialHosts: floor > own };
}

// src/analysis/plausibility.ts
var ENOUGH_SAMPLES = 6;
var TOLERANCE = 0.05;
var IMPOSSIBLE = "impossible:";
var AT_BOUND = "within noise of the bound";
var MAX_FIGURE_SPAN = 1.5;
var IMPRECISE = "not enough data for one figure:";
function withheldAsImprecise(cell2) {
  return cell2.speedupWithheld?.startsWith(IMPRECISE) ?? false;
}
function possibleInterval(interval, bound, figure) {
  return [interval[0], Math.max(Math.min(interval[1], bound), figure)];
}
function imprecisionReason(interval, paired, shown = interval) {
  if (!(interval[0] > 0) || !(interval[1] / interval[0] > MAX_FIGURE_SPAN)) return void 0;
  const [lo, hi] = shown;
  const rounds = paired ? `${paired.rounds} round${paired.rounds === 1 ? "" : "s"}` : "";
  const source = !paired ? "" : paired.hostsAdded ? ` (paired, ${rounds}, with the spread between fresh hosts that so few rounds cannot show)` : " (paired)";
  const why = paired?.hostsAdded ? `the next pair of hosts may read differently by that much` : "the batches varied too much for a median to stand for them";
  const span = hi < interval[1] ? `, the most that is physically possible; as measured it spanned more than ${MAX_FIGURE_SPAN}-fold` : `, more than ${MAX_FIGURE_SPAN}-fold`;
  return `${IMPRECISE} its 95% interval${source} runs from ${times(lo)} to ${times(hi)}${span}; ${why} (a longer --time-budget measures more)`;
}
function withheldAsImpossible(cell2) {
  return cell2.speedupWithheld?.startsWith(IMPOSSIBLE) ?? false;
}
function withheldAtBound(cell2) {
  return withheldAsImpossible(cell2) && cell2.speedupWithheld.includes(AT_BOUND);
}
function speedupBound(cell2, cpuShare, cores) {
  if (cell2.model === "sequential") return 1;
  if (cpuShare < CPU_BOUND_AT) return cell2.concurrency;
  return Math.min(cell2.concurrency, cell2.model === "async" ? 1 : cores);
}
function speedupInterval(cell2, baseline, seed2) {
  return ratioOfMediansGrouped(groupSamples(cell2.batchThroughputs, cell2.batchesPerRound), groupSamples(baseline.batchThroughputs, baseline.batchesPerRound), { seed: seed2 }).ci95;
}
var times = (value) => `x${value.toFixed(value >= 10 ? 0 : 2)}`;
function measuredSpeedup(cell2, baseline) {
  return cell2.paired?.speedup ?? cell2.throughput.median / baseline.throughput.median;
}
function withheldReason(cell2, baseline, context) {
  if (cell2.status !== "ok") return void 0;
  if (baseline.samples < ENOUGH_SAMPLES) return `not enough data: the sequential baseline has ${baseline.samples} batch${baseline.samples === 1 ? "" : "es"}, ${ENOUGH_SAMPLES} bound a median`;
  if (cell2.samples < ENOUGH_SAMPLES) return `not enough data: ${cell2.samples} batch${cell2.samples === 1 ? "" : "es"}, ${ENOUGH_SAMPLES} bound a median`;
  if (cell2 === baseline) return void 0;
  const bound = speedupBound(cell2, context.cpuShare, context.cores);
  const measured = measuredSpeedup(cell2, baseline);
  const coresBound = bound === context.cores && cell2.model !== "async" && context.cpuShare >= CPU_BOUND_AT;
  if (measured <= bound * (1 + (coresBound ? 0 : TOLERANCE))) return void 0;
  const [lo] = cell2.paired ? pairedFigureInterval(cell2.paired, baseline.hostRates).interval : speedupInterval(cell2, baseline, context.seed);
  const why = cell2.concurrency === 1 && cell2.model !== "async" ? `one ${cell2.model === "thread" ? "thread" : cell2.model === "process" ? "process" : "worker with one task in flight"} cannot beat the loop it replaces` : cell2.model === "async" && bound < cell2.concurrency ? `async runs every computing part on one thread, and sequential computed ${Math.round(context.cpuShare * 100)}% of the time` : bound < cell2.concurrency ? `${context.cores} cores cannot do more when sequential computed ${Math.round(context.cpuShare * 100)}% of the time` : `${cell2.concurrency} in flight cannot overlap more than ${cell2.concurrency}-fold`;
  const noise2 = lo <= bound * (1 + TOLERANCE) ? `${AT_BOUND}, but not a figure to report` : "something was mismeasured";
  return `${IMPOSSIBLE} measured ${times(measured)} (95% interval from ${times(lo)}) where at most ${times(bound)} is possible (${why}); ${noise2}`;
}

// src/analysis/recommend.ts
var DEFAULT_MARGIN = 0.1;
function ratioInterval(costly, cheap, baseline, seed2) {
  if (costly.paired && cheap === baseline) return costly.paired.ci95;
  if (costly.paired && cheap.paired) {
    const halfWidth = (ci) => (Math.log(ci[1]) - Math.log(ci[0])) / 2;
    const center = Math.log(costly.paired.speedup) - Math.log(cheap.paired.speedup);
    const half = Math.hypot(halfWidth(costly.paired.ci95), halfWidth(cheap.paired.ci95));
    return [Math.exp(center - half), Math.exp(center + half)];
  }
  return ratioOfMediansGrouped(groupSamples(costly.batchThroughputs, costly.batchesPerRound), groupSamples(cheap.batchThroughputs, cheap.batchesPerRound), { seed: seed2 }).ci95;
}
function judge(costly, cheap, baseline, margin, seed2, cap = () => Infinity) {
  const raw = ratioInterval(costly, cheap, baseline, seed2);
  const read = measuredSpeedup(costly, baseline);
  const scale = read > cap(costly) ? cap(costly) / read : 1;
  const ci95 = [raw[0] * scale, raw[1] * scale];
  if (ci95[0] > 1 + margin) return "wins";
  if (ci95[1] < 1 + margin) return "loses";
  return "within-noise";
}
var usableCells = (cells) => cells.filter((c) => c.status === "ok" && c.batchThroughputs.length > 0);
function pointSpeedupOf(usable, speedupCap) {
  const sequential = usable.find((c) => c.model === "sequential");
  const cap = speedupCap ?? (() => Infinity);
  return (c) => Math.min(cap(c), c.paired?.speedup ?? c.throughput.median / (sequential?.throughput.median ?? 1));
}
var LEVEL_BAND = 0.5;
function levelCeiling(cell2, sequential, cores) {
  if (cell2.model !== "thread" && cell2.model !== "process" || !sequential || !cores) return Infinity;
  const u = computingShare(sequential);
  return u > 0 ? Math.min(cell2.concurrency, cores / u) : cell2.concurrency;
}
function closeLevelCall(cells, chosen, options = {}) {
  const band = (options.margin ?? 0.1) * LEVEL_BAND;
  const usable = usableCells(cells);
  const pointSpeedup = pointSpeedupOf(usable, options.speedupCap);
  const own = pointSpeedup(chosen);
  return usable.some((c) => c.model === chosen.model && c.concurrency > chosen.concurrency && pointSpeedup(c) > own * (1 + band / 2));
}
function bestOfModels(cells, options = {}) {
  const margin = options.margin ?? 0.1;
  const seed2 = options.seed ?? 1;
  const usable = usableCells(cells);
  const sequential = usable.find((c) => c.model === "sequential");
  const beatsSequential = (c) => sequential !== void 0 && ratioInterval(c, sequential, sequential, seed2)[0] > 1 + margin;
  const pointSpeedup = pointSpeedupOf(usable, options.speedupCap);
  const best = /* @__PURE__ */ new Map();
  for (const model2 of MODELS) {
    const levels = usable.filter((c) => c.model === model2).sort((a, b) => a.concurrency - b.concurrency);
    if (levels.length === 0) continue;
    const candidates = levels.filter((c) => c.paired !== void 0 || !levels.some((f) => f.paired !== void 0 && f.concurrency > c.concurrency));
    const fastest = Math.max(...candidates.map(pointSpeedup));
    const fastestCell = candidates.find((c) => pointSpeedup(c) === fastest);
    const ceiling = (c) => levelCeiling(c, sequential, options.cores);
    const sameCeiling = (c) => fastestCell !== void 0 && Number.isFinite(ceiling(c)) && ceiling(fastestCell) <= ceiling(c) * (1 + margin * LEVEL_BAND);
    const standsIn = (c) => pointSpeedup(c) * (1 + margin * (sameCeiling(c) ? 1 : LEVEL_BAND)) >= fastest;
    let choice = candidates.find(standsIn) ?? candidates[0];
    if (model2 !== "sequential" && !beatsSequential(choice)) {
      const proven = levels.find((c) => c.concurrency > choice.concurrency && beatsSequential(c));
      if (proven) choice = proven;
    }
    best.set(model2, choice);
  }
  return best;
}
var percent = (fraction) => `${Math.round(fraction * 100)}%`;
var times2 = (value) => `x${value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2)}`;
var UNIT = {
  sequential: ["task at a time", "tasks at a time"],
  async: ["in flight", "in flight"],
  thread: ["thread", "threads"],
  process: ["process", "processes"],
  "thread+async": ["thread", "threads"],
  "process+async": ["process", "processes"]
};
var unit = (model2, c, workers) => {
  if (!isHybrid(model2) || workers === void 0) return `${c} ${UNIT[model2][c === 1 ? 0 : 1]}`;
  const perWorker = Math.ceil(c / workers);
  return `${workers} ${UNIT[model2][workers === 1 ? 0 : 1]} x ${perWorker} in flight`;
};
var CLASS_WORDS = {
  "cpu-bound": "CPU-bound",
  "io-bound": "I/O-bound",
  mixed: "Mixed CPU and waiting"
};
function recommend(cells, classification, sequentialCpu, options = {}) {
  const margin = options.margin ?? 0.1;
  const seed2 = options.seed ?? 1;
  const cap = options.speedupCap ?? (() => Infinity);
  const bestOfModel = bestOfModels(cells, { margin, seed: seed2, speedupCap: cap, cores: options.cores });
  const baseline = bestOfModel.get("sequential");
  if (!baseline) return void 0;
  const speedupOf = (cell2) => Math.min(cap(cell2), measuredSpeedup(cell2, baseline));
  let unclear = false;
  const withinNoise2 = [];
  let current = baseline;
  let unbeaten;
  const hybridsShort = [];
  for (const model2 of MODELS.slice(1)) {
    const challenger = bestOfModel.get(model2);
    if (!challenger) continue;
    const verdict2 = judge(challenger, current, baseline, margin, seed2, cap);
    if (verdict2 === "wins" && isHybrid(model2)) {
      const simpler = MODELS.slice(0, MODELS.indexOf(model2)).map((m) => bestOfModel.get(m)).filter((c) => c !== void 0);
      const notBeaten = simpler.filter((c) => judge(challenger, c, baseline, margin, seed2, cap) !== "wins").map((c) => c.model);
      if (notBeaten.length > 0) {
        hybridsShort.push({ model: model2, beaten: current.model, notBeaten });
        unclear = true;
        continue;
      }
    }
    if (verdict2 === "wins") {
      const ahead = withinNoise2.map((m) => bestOfModel.get(m)).find((c) => speedupOf(c) >= speedupOf(challenger) && judge(challenger, c, baseline, margin, seed2, cap) !== "wins");
      if (ahead) {
        unbeaten = { model: ahead.model, winner: model2, beaten: current.model };
        current = ahead;
      } else {
        current = challenger;
        unbeaten = void 0;
      }
    } else if (verdict2 === "within-noise" && speedupOf(challenger) > speedupOf(current)) {
      unclear = true;
      withinNoise2.push(model2);
    }
  }
  const finalWithinNoise = withinNoise2.filter((m) => MODELS.indexOf(m) > MODELS.indexOf(current.model));
  const evidence = MODELS.slice(1).filter((m) => bestOfModel.has(m)).map((m) => {
    const cell2 = bestOfModel.get(m);
    return `${m} ${times2(speedupOf(cell2))} at ${unit(m, cell2.concurrency, cell2.workers)}`;
  }).join(", ");
  const waited = (options.sequentialRunQueue ?? 0) >= 0.05 ? ` and waited ${percent(options.sequentialRunQueue)} for one` : "";
  const pooled = (baseline.poolUtilization ?? 0) >= 0.05 ? `; its native work ran in libuv's thread pool, using ${percent(baseline.poolUtilization)} of a core` : "";
  const kind = classification ? `${CLASS_WORDS[classification]} (sequential used ${percent(sequentialCpu ?? 0)} of a core${waited}${pooled})` : "Unclassified";
  const marginText = percent(margin);
  let verdict;
  if (current.model === "sequential") {
    verdict = `no model beat sequential by more than ${marginText} with 95% confidence, so the simplest code wins`;
    const pools = ["thread", "process"].map((m) => bestOfModel.get(m)).filter((c) => c !== void 0);
    if (pools.length > 0 && pools.every((c) => speedupOf(c) < 1 - margin)) {
      verdict += `; handing a task to a thread or process costs more than the task itself`;
    }
  } else if (unbeaten?.model === current.model) {
    verdict = `recommended: ${current.model} at ${unit(current.model, current.concurrency, current.workers)}, with low confidence: ${unbeaten.winner} beat ${unbeaten.beaten} by more than ${marginText} with 95% confidence but not ${current.model}, which measured faster and was not shown to beat ${unbeaten.beaten} by that margin`;
  } else if (isHybrid(current.model)) {
    const single = MODELS.filter((m) => m !== "sequential" && !isHybrid(m)).map((m) => bestOfModel.get(m)).filter((c) => c !== void 0).sort((a, b) => speedupOf(b) - speedupOf(a))[0];
    const against = single ? `; best single model ${single.model} at ${unit(single.model, single.concurrency)}: ${times2(speedupOf(single))}` : "";
    verdict = `recommended: ${current.model} at ${unit(current.model, current.concurrency, current.workers)}: ${times2(speedupOf(current))}${against}. It beats every simpler model by more than ${marginText} with 95% confidence`;
  } else {
    verdict = `recommended: ${current.model} at ${unit(current.model, current.concurrency, current.workers)}, which beats every cheaper model by more than ${marginText} with 95% confidence`;
  }
  if (finalWithinNoise.length > 0) verdict += `; ${finalWithinNoise.join(" and ")} ${finalWithinNoise.length > 1 ? "were" : "was"} faster but within noise, so the cheaper ${current.model} is recommended`;
  for (const short of hybridsShort) verdict += `; ${short.model} beat ${short.beaten} by more than ${marginText} with 95% confidence but not ${short.notBeaten.join(" or ")}, as a hybrid must beat every simpler model`;
  const fewRounds = current.paired ? current.paired.rounds < 2 : Math.min(baseline.rounds, current.rounds) < 2;
  if (fewRounds) verdict += "; measured in one round only, so differences between processes are not accounted for (a longer --time-budget gives more rounds)";
  return {
    model: current.model,
    concurrency: current.concurrency,
    ...current.workers !== void 0 ? { workers: current.workers } : {},
    speedup: Math.round(speedupOf(current) * 1e3) / 1e3,
    reason: `${kind}: ${evidence || "only sequential was measured"}. ${verdict[0].toUpperCase()}${verdict.slice(1)}.`,
    confidence: unclear || fewRounds ? "low" : "high",
    ...unclear || fewRounds ? { doubts: [...unclear ? ["within-noise"] : [], ...fewRounds ? ["one-round"] : []] } : {},
    withinNoise: finalWithinNoise
  };
}
function addDoubt(recommendation2, doubt) {
  recommendation2.confidence = "low";
  const doubts = recommendation2.doubts ?? [];
  if (!doubts.includes(doubt)) recommendation2.doubts = [...doubts, doubt];
}

// src/report/terminal.ts
init_types();
var ANSI = { bold: "\x1B[1m", dim: "\x1B[2m", green: "\x1B[32m", red: "\x1B[31m", yellow: "\x1B[33m", reset: "\x1B[0m" };
function terminalSafe(text) {
  return String(text ?? "").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}
function paint(style, codes, text) {
  return style.color ? `${codes}${text}${ANSI.reset}` : text;
}
function pad(text, width, align) {
  const visible = [...text].length;
  const fill2 = " ".repeat(Math.max(0, width - visible));
  return align === "l" ? text + fill2 : fill2 + text;
}
function cellRow(cell2) {
  const ok = cell2.status === "ok";
  return [
    cell2.model,
    levelLabel(cell2),
    ok || cell2.samples > 0 ? formatNumber(cell2.throughput.median) : "-",
    ok || cell2.samples > 0 ? `${formatNumber(cell2.throughput.ci95[0])}-${formatNumber(cell2.throughput.ci95[1])}` : "-",
    speedupLabel(cell2),
    cell2.samples > 0 ? formatMs(cell2.latencyMs.p50) : "-",
    cell2.samples > 0 ? formatMs(cell2.latencyMs.p99) : "-",
    cell2.samples > 0 ? formatUtilization(cell2.cpuUtilization) : "-",
    formatBytes(cell2.peakRssBytes),
    formatMs(cell2.startupMs),
    ok ? "ok" : `${cell2.status}: ${terminalSafe(cell2.error ?? "")}`
  ];
}
var HEADER = ["model", "conc", "tasks/s", "95% CI", "speedup", "p50", "p99", "CPU", "peak RSS", "startup", "status"];
var ALIGN = ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "l"];
function table(workload2, style) {
  const rows = workload2.cells.map(cellRow);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => i === HEADER.length - 1 ? Math.min(40, r[i].length) : r[i].length)));
  const recommended = workload2.recommendation;
  const lines = [paint(style, ANSI.dim, "  " + HEADER.map((h, i) => pad(h, widths[i], ALIGN[i])).join("  "))];
  workload2.cells.forEach((cell2, index) => {
    const isPick = recommended && cell2.model === recommended.model && cell2.concurrency === recommended.concurrency;
    const status = rows[index][HEADER.length - 1];
    rows[index][HEADER.length - 1] = status.length > 60 ? status.slice(0, 59) + "…" : status;
    const text = rows[index].map((value, i) => pad(value, widths[i], ALIGN[i])).join("  ");
    if (isPick) lines.push(paint(style, ANSI.bold + ANSI.green, "▶ " + text + "  ◀ recommended"));
    else if (cell2.status !== "ok") lines.push(paint(style, ANSI.red, "  " + text));
    else lines.push("  " + text);
  });
  return lines;
}
function throughputChart(workload2, width = 32) {
  const cells = workload2.cells.filter((c) => c.samples > 0);
  const best = Math.max(...cells.map((c) => c.throughput.median), 0);
  if (best <= 0) return [];
  const eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
  const lines = ["  throughput by concurrency (tasks/s):"];
  let lastModel = "";
  for (const cell2 of cells) {
    const units = cell2.throughput.median / best * width * 8;
    const bar = "█".repeat(Math.floor(units / 8)) + eighths[Math.floor(units % 8)];
    const label = cell2.model === lastModel ? "" : cell2.model;
    lastModel = cell2.model;
    lines.push(`  ${pad(label, 13, "l")} ${pad(levelLabel(cell2), 4, "r")} │${pad(bar, width, "l")} ${formatNumber(cell2.throughput.median)}`);
  }
  return lines;
}
function renderWorkload(workload2, style) {
  const name = terminalSafe(workload2.name);
  const lines = [];
  if (workload2.status === "failed" && workload2.cells.length === 0) {
    lines.push(paint(style, ANSI.bold, `${name}`) + paint(style, ANSI.red, `  failed: ${terminalSafe(workload2.error)}`));
    return lines.join("\n");
  }
  const cls = workload2.classification ?? "unclassified";
  lines.push(`${paint(style, ANSI.bold, name)}  ${paint(style, ANSI.dim, `[${workload2.runtime}, ${cls}]`)}`);
  const rec = workload2.recommendation;
  if (rec) {
    const low = lowConfidenceText(rec);
    const confidence = low ? paint(style, ANSI.yellow, ` (${low})`) : "";
    lines.push(`  → use ${paint(style, ANSI.bold + ANSI.green, `${rec.model}${rec.model === "sequential" ? "" : isHybrid(rec.model) && rec.workers !== void 0 ? ` at ${unit(rec.model, rec.concurrency, rec.workers)}` : ` at concurrency ${rec.concurrency}`}`)}: ${formatRecommendedSpeedup(rec)} vs sequential${confidence}`);
    lines.push(`    ${terminalSafe(rec.reason)}`);
  } else if (workload2.error) {
    lines.push(paint(style, ANSI.red, `  failed: ${terminalSafe(workload2.error)}`));
  }
  const notes = cellNotes(workload2).map((note) => paint(style, ANSI.dim, `  ${terminalSafe(note)}`));
  lines.push("", ...table(workload2, style), ...notes, "", ...throughputChart(workload2));
  return lines.join("\n");
}
function renderRunTerminal(results, style = { color: false, width: 120 }) {
  const env = results.environment;
  const header = `concurrency-bench ${results.tool.version} · ${env.cpus} cores (${terminalSafe(env.cpuModel)}) · Node ${env.node} · ${env.os} · ${results.settings.rounds} rounds${results.incomplete ? paint(style, ANSI.yellow, " · INCOMPLETE (interrupted)") : ""}`;
  const unsteady = unsteadyBaselineText(unsteadyWorkloads(results), terminalSafe);
  const warning = unsteady ? [paint(style, ANSI.yellow, `⚠ ${unsteady}`)] : [];
  return [header, "", ...results.workloads.map((w) => renderWorkload(w, style) + "\n"), ...warning].join("\n");
}

// src/cli/progress.ts
function progressReporter(stream, interactive) {
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write("\r\x1B[2K");
    drawn = false;
  };
  return {
    onProgress(event) {
      if (event.type === "probe") {
        if (event.status !== "ok") {
          clear();
          stream.write(`workload ${terminalSafe(event.workload)} ${terminalSafe(event.status)}
`);
        }
      } else if (event.type === "plan") {
        clear();
        for (const line2 of event.lines) stream.write(`${terminalSafe(line2)}
`);
      } else if (event.type === "visit") {
        if (!interactive) return;
        clear();
        const line2 = `round ${event.round} · ${event.done}/${event.total} · ${terminalSafe(event.label)}${event.status === "ok" ? "" : ` · ${event.status}`}`;
        stream.write(line2.slice(0, (stream.columns || 100) - 1));
        drawn = true;
      } else {
        clear();
        if (!interactive) stream.write(`${event.phase ? `${event.phase} ` : ""}round ${event.round} done after ${(event.elapsedMs / 1e3).toFixed(1)} s
`);
      }
    },
    finish: clear
  };
}

// src/runtimes/process-groups.ts
var live = /* @__PURE__ */ new Set();
function trackGroup(pid) {
  live.add(pid);
}
function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
  live.delete(pid);
}
function killAllGroups() {
  for (const pid of [...live]) killGroup(pid);
}
process.on("exit", killAllGroups);

// src/version.ts
var VERSION = "0.1.0";

// src/cli/usage.ts
var EXIT = {
  ok: 0,
  regression: 1,
  usage: 2,
  failed: 3,
  undecided: 4,
  /** EX_SOFTWARE (sysexits.h): a bug, an unexpected exception. */
  internal: 70,
  /** 128 + the signal number, as a shell reports a process killed by it. */
  sigint: 130,
  sigterm: 143
};
var EXIT_CODES_TEXT = `Exit codes:
  0    ok
  1    a regression was found (compare --fail-on-regression)
  2    usage or config error, bad results file or git ref; also a Node older than 22.12
  3    a workload or cell failed to measure (the results file is still written)
  4    a workload's regression gate was not decided (compare --fail-on-regression)
  70   internal error: a bug in concurrency-bench (please report it with the message)
  130  interrupted (SIGINT, Ctrl-C): workers killed, partial results written, marked incomplete
  143  terminated (SIGTERM): workers killed, partial results written, marked incomplete`;
var ENVIRONMENT_TEXT = `Environment:
  NO_COLOR     set and non-empty: no colours
  FORCE_COLOR  0 or false: no colours; any other value, even empty: colours, also off a terminal
  CI           set: no progress line, one line per round instead`;
var help = { name: "help", short: "h", type: "boolean", description: "print this help and exit" };
var noColor = { name: "no-color", type: "boolean", description: "no colours in the report (also NO_COLOR; see Environment)" };
var config = {
  name: "config",
  short: "c",
  type: "string",
  value: "FILE",
  description: "config file (default: concurrency-bench.config.json, .yaml, .ts, ...)"
};
var markdown = { name: "markdown", type: "string", value: "FILE", description: "also write the report as markdown to FILE" };
var seed = { name: "seed", type: "string", value: "N", description: "seed of the random visit order and of the bootstrap (default 1)" };
var threshold = { name: "threshold", type: "string", value: "PERCENT", description: "a task this much slower (or faster) counts (default 5)" };
var alpha = { name: "alpha", type: "string", value: "P", description: "error rate of regression claims, and of improvement ones (default 0.05)" };
var failOnRegression = { name: "fail-on-regression", type: "boolean", description: "exit 1 on a regression and 4 when a workload is not decided" };
var JSON_STDOUT_NOTE = "--json - writes the JSON document to stdout and the human report to stderr, so stdout stays parseable.";
var COMMANDS = {
  run: {
    name: "run",
    summary: "measure every workload under every model and concurrency, and recommend one",
    synopsis: ["run [--config FILE] [--time-budget SECONDS] [--json FILE|-] [--markdown FILE] [--margin PERCENT] [--seed N] [--workload NAME]..."],
    flags: [
      config,
      { name: "time-budget", type: "string", value: "SECONDS", description: "wall-clock budget for measuring, at least 1 (default 60)" },
      { name: "json", type: "string", value: "FILE|-", description: "results file (default .concurrency-bench/results.json); - for stdout" },
      markdown,
      { name: "margin", type: "string", value: "PERCENT", description: "how much a costlier model must beat a cheaper one (default 10)" },
      seed,
      { name: "workload", type: "string", multiple: true, value: "NAME", description: "measure only this workload; repeat for several" },
      noColor,
      help
    ],
    notes: [
      "The results file is rewritten after every round, so an interruption loses nothing measured.",
      `${JSON_STDOUT_NOTE} The results file is then still kept at the default path.`
    ]
  },
  compare: {
    name: "compare",
    summary: "measure base against head, paired on this machine, and report regressions",
    synopsis: [
      "compare --base REF [--head REF] [--config FILE] [--json FILE|-] [--markdown FILE] [--threshold PERCENT] [--alpha P] [--fail-on-regression] [--time-budget SECONDS] [--seed N]",
      "compare BASE.json HEAD.json [--json FILE|-] [--markdown FILE] [--threshold PERCENT] [--alpha P] [--fail-on-regression] [--seed N]"
    ],
    flags: [
      { name: "base", type: "string", value: "REF", description: "git ref to compare against; checked out into a temporary worktree" },
      { name: "head", type: "string", value: "REF", description: "git ref to measure (default: the working tree, uncommitted changes too)" },
      config,
      { name: "json", type: "string", value: "FILE|-", description: "comparison file (default .concurrency-bench/compare.json); - for stdout" },
      markdown,
      threshold,
      alpha,
      failOnRegression,
      { name: "time-budget", type: "string", value: "SECONDS", description: "cap on the whole compare (default: what the plan needs, up to 600)" },
      seed,
      noColor,
      help
    ],
    notes: [
      "With two results files (from run) the comparison is unpaired (the report says it is less reliable) and is written to a file only with --json.",
      `${JSON_STDOUT_NOTE} A paired compare still keeps its file at the default path.`
    ]
  },
  report: {
    name: "report",
    summary: "render a stored results or comparison file again",
    synopsis: ["report RESULTS.json [--format md|terminal|json]"],
    flags: [
      { name: "format", short: "f", type: "string", value: "md|terminal|json", description: "output on stdout (default terminal); json: the checked document" },
      noColor,
      help
    ],
    notes: []
  }
};
function parseOptions(spec) {
  return Object.fromEntries(
    spec.flags.map((f) => [f.name, { type: f.type, ...f.short ? { short: f.short } : {}, ...f.multiple ? { multiple: true } : {} }])
  );
}
function flagLines(flags) {
  const left = flags.map((f) => `${f.short ? `-${f.short}, ` : "    "}--${f.name}${f.value ? ` ${f.value}` : ""}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return flags.map((f, i) => `  ${left[i].padEnd(width)}${f.description}`);
}
var WIDTH = 100;
function fill(words, first, indent) {
  const lines = [];
  let line2 = first;
  for (const word of words) {
    const candidate = line2.trim() === "" || line2 === first ? `${line2}${word}` : `${line2} ${word}`;
    if (candidate.length > WIDTH && line2 !== first) {
      lines.push(line2);
      line2 = `${indent}${word}`;
    } else {
      line2 = candidate;
    }
  }
  return [...lines, line2];
}
function synopsisLines(synopsis) {
  const [command, ...rest] = synopsis.match(/\[[^\]]*\](?:\.\.\.)?|\S+/g) ?? [];
  const first = `  concurrency-bench ${command} `;
  return fill(rest, first, " ".repeat(first.length));
}
function commandHelp(spec) {
  return [
    `concurrency-bench ${spec.name}: ${spec.summary}`,
    "",
    "Usage:",
    ...spec.synopsis.flatMap(synopsisLines),
    "",
    "Options:",
    ...flagLines(spec.flags),
    ...spec.notes.flatMap((note) => ["", ...fill(note.split(" "), "", "")]),
    "",
    EXIT_CODES_TEXT,
    "",
    ENVIRONMENT_TEXT
  ].join("\n");
}
function mainHelp() {
  const commands = Object.values(COMMANDS);
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `concurrency-bench ${VERSION}: should this work use processes, threads or async? Measured on your code.`,
    "",
    "Usage:",
    ...commands.flatMap((c) => c.synopsis.flatMap(synopsisLines)),
    "  concurrency-bench COMMAND --help",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Options:",
    ...flagLines([
      { name: "help", short: "h", type: "boolean", description: "print this help and exit; COMMAND --help describes that command's flags" },
      { name: "version", short: "v", type: "boolean", description: "print the version and exit" }
    ]),
    "",
    EXIT_CODES_TEXT,
    "",
    ENVIRONMENT_TEXT
  ].join("\n");
}
function wantsHelp(args) {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

// src/cli/signals.ts
var SIGNALS = { SIGINT: EXIT.sigint, SIGTERM: EXIT.sigterm };
function interruptOnSignals(stderr = process.stderr) {
  const controller = new AbortController();
  let received;
  const handlers = Object.fromEntries(
    Object.keys(SIGNALS).map((name) => [
      name,
      () => {
        if (controller.signal.aborted) {
          killAllGroups();
          process.exit(SIGNALS[name]);
        }
        received = name;
        const what = name === "SIGINT" ? "interrupted" : "terminated (SIGTERM)";
        const again = name === "SIGINT" ? "Ctrl-C again" : "signal again";
        stderr.write(`
${what}: stopping, killing workers and saving partial results (${again} to quit now)
`);
        controller.abort();
      }
    ])
  );
  for (const name of Object.keys(handlers)) process.on(name, handlers[name]);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    get exitCode() {
      return received === void 0 ? void 0 : SIGNALS[received];
    },
    dispose() {
      for (const name of Object.keys(handlers)) process.off(name, handlers[name]);
    }
  };
}

// src/commands/compare.ts
import { existsSync as existsSync5, symlinkSync } from "node:fs";
import { availableParallelism as availableParallelism8 } from "node:os";
import { dirname as dirname3, join as join5, relative as relative2, resolve as resolve4 } from "node:path";

// src/analysis/compare.ts
init_types();

// src/stats/holm.ts
function holmLevels(pValues, alpha2 = 0.05) {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const levels = new Array(m);
  let failedAt;
  order.forEach(({ p, i }, k) => {
    const step = failedAt ?? k;
    const level = alpha2 / (m - step);
    if (failedAt === void 0 && p > level) failedAt = k;
    levels[i] = level;
  });
  return levels;
}

// src/stats/normal.ts
function normalCdf(x) {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-z * z);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
function normalQuantile(p) {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q2 = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q2 + c[1]) * q2 + c[2]) * q2 + c[3]) * q2 + c[4]) * q2 + c[5]) / ((((d[0] * q2 + d[1]) * q2 + d[2]) * q2 + d[3]) * q2 + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

// src/stats/paired.ts
function logRatios(base, head) {
  const out = [];
  for (let i = 0; i < Math.min(base.length, head.length); i++) {
    if (base[i] > 0 && head[i] > 0 && Number.isFinite(base[i]) && Number.isFinite(head[i])) out.push(Math.log(head[i] / base[i]));
  }
  return out;
}
function median2(values) {
  return medianInPlace(Float64Array.from(values));
}
function hodgesLehmann2(values, scratch) {
  const n = values.length;
  const size = n * (n + 1) / 2;
  const walsh = scratch && scratch.length >= size ? scratch : new Float64Array(size);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh[k++] = (values[i] + values[j]) / 2;
  return medianInPlace(walsh, size);
}
function statisticFor(estimator, n) {
  if (estimator === "median") return (xs) => medianInPlace(xs);
  const scratch = new Float64Array(n * (n + 1) / 2);
  return (xs) => hodgesLehmann2(xs, scratch);
}
function pairedBootstrap(d, options) {
  const estimator = options.estimator ?? "hodges-lehmann";
  const statistic = statisticFor(estimator, d.length);
  const estimate = d.length ? statistic(Float64Array.from(d)) : Number.NaN;
  const distribution = bootstrapDistribution(d, statistic, { seed: options.seed, resamples: options.resamples });
  const center = median2(d);
  const spread = d.length ? 1.4826 * median2(d.map((x) => Math.abs(x - center))) : Number.NaN;
  return { n: d.length, estimator, estimate, distribution, spread };
}
function toChange(logRatio) {
  return Math.expm1(logRatio);
}
function toLog(change) {
  return Math.log1p(change);
}
function changeInterval(boot, alpha2) {
  const [lo, hi] = percentileInterval(boot.distribution, alpha2);
  return [toChange(lo), toChange(hi)];
}
function beyondFloorPValue(boot, floor) {
  const below = tailAtOrAbove(boot.distribution, -Math.log1p(floor));
  const above = tailAtOrBelow(boot.distribution, Math.log1p(floor));
  return Math.min(1, 2 * Math.min(below, above));
}
function unpairedBootstrap(base, head, options) {
  const count = options.resamples ?? 2e3;
  const clean = (xs) => xs.filter((x) => x > 0 && Number.isFinite(x));
  const b = clean(base);
  const h = clean(head);
  const n = Math.min(b.length, h.length);
  const distribution = new Float64Array(count);
  if (n === 0) {
    return { n: 0, estimator: "median", estimate: Number.NaN, distribution: distribution.fill(Number.NaN), spread: Number.NaN };
  }
  const estimate = Math.log(median2(h) / median2(b));
  const random = mulberry32(options.seed);
  const sb = new Float64Array(b.length);
  const sh = new Float64Array(h.length);
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < b.length; i++) sb[i] = b[Math.floor(random() * b.length)];
    for (let i = 0; i < h.length; i++) sh[i] = h[Math.floor(random() * h.length)];
    distribution[r] = Math.log(medianInPlace(sh) / medianInPlace(sb));
  }
  const logSpread = (xs) => {
    const logs = xs.map(Math.log);
    const c = median2(logs);
    return 1.4826 * median2(logs.map((x) => Math.abs(x - c)));
  };
  const spread = Math.SQRT2 * Math.max(logSpread(b), logSpread(h));
  return { n, estimator: "median", estimate, distribution: distribution.sort(), spread };
}

// src/stats/sequential.ts
function obrienFlemingSpent(t, alpha2) {
  if (t <= 0) return 0;
  if (t >= 1) return alpha2;
  return 2 * (1 - normalCdf(normalQuantile(1 - alpha2 / 2) / Math.sqrt(t)));
}
var GRID = 300;
var cache = /* @__PURE__ */ new Map();
var phi = (x) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
function lookLevels(rounds, alpha2) {
  if (rounds.length === 0) return [];
  if (rounds.length === 1 || alpha2 <= 0) return rounds.map((_, k) => k === rounds.length - 1 ? Math.max(0, alpha2) : 0);
  const key = `${alpha2}:${rounds.join(",")}`;
  const known = cache.get(key);
  if (known) return known;
  const total = rounds[rounds.length - 1];
  const t = rounds.map((n) => n / total);
  const levels = [];
  let points = new Float64Array(0);
  let masses = new Float64Array(0);
  let spentBefore = 0;
  for (let k = 0; k < rounds.length; k++) {
    const spent = obrienFlemingSpent(t[k], alpha2);
    const share = Math.max(0, spent - spentBefore);
    spentBefore = spent;
    const sdNow = Math.sqrt(t[k]);
    let boundary;
    if (k === 0) {
      boundary = share > 0 ? normalQuantile(1 - share) * sdNow : Infinity;
    } else {
      const step = Math.sqrt(t[k] - t[k - 1]);
      const tail = (b) => {
        let sum = 0;
        for (let i = 0; i < points.length; i++) sum += masses[i] * (1 - normalCdf((b - points[i]) / step));
        return sum;
      };
      if (share <= 1e-12) boundary = Infinity;
      else {
        let lo = -10 * sdNow;
        let hi = 12 * sdNow;
        for (let it = 0; it < 60; it++) {
          const mid = (lo + hi) / 2;
          if (tail(mid) > share) lo = mid;
          else hi = mid;
        }
        boundary = (lo + hi) / 2;
      }
    }
    levels.push(boundary === Infinity ? 0 : 1 - normalCdf(boundary / sdNow));
    if (k === rounds.length - 1) break;
    const lower = -8 * sdNow;
    const upper = Math.min(boundary, 8 * sdNow);
    const h = (upper - lower) / (GRID - 1);
    const next = new Float64Array(GRID);
    const nextMass = new Float64Array(GRID);
    for (let j = 0; j < GRID; j++) {
      const s = lower + j * h;
      next[j] = s;
      let density;
      if (k === 0) density = phi(s / sdNow) / sdNow;
      else {
        const step = Math.sqrt(t[k] - t[k - 1]);
        density = 0;
        for (let i = 0; i < points.length; i++) density += masses[i] * phi((s - points[i]) / step) / step;
      }
      nextMass[j] = density * h * (j === 0 || j === GRID - 1 ? 0.5 : 1);
    }
    points = next;
    masses = nextMass;
  }
  cache.set(key, levels);
  return levels;
}
function lookSchedule(first, planned) {
  const looks = [first, Math.ceil(planned / 2), Math.ceil(3 * planned / 4), planned].filter((n) => n >= first && n <= Math.max(first, planned));
  return [...new Set(looks)].sort((a, b) => a - b);
}

// src/stats/student-t.ts
function logGamma(x) {
  const c = [
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
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
function betaFraction(a, b, x) {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? front * betaFraction(a, b, x) / a : 1 - front * betaFraction(b, a, 1 - x) / b;
}
function studentTCdf(t, df) {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
function studentTQuantile(p, df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function meanInterval(values, alpha2) {
  const n = values.length;
  if (n < 2) return null;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  const half = studentTQuantile(1 - alpha2 / 2, n - 1) * Math.sqrt(variance / n);
  return [mean - half, mean + half];
}

// src/analysis/gate.ts
var FIRST_LOOK = 3;
var PLANNED_POWER = 0.99;
var UNCHANGED_LEVEL = 0.05;
var REACH_RESOLUTION = 0.5;
var ROUND_TRIM = 0.1;
function ruleTrim(rule) {
  return rule.trim ?? ROUND_TRIM;
}
function trimmedCount(n, trim = 0) {
  return Math.floor(trim * n + 1e-9);
}
function roundsDf(n, trim = 0) {
  return n - 2 * trimmedCount(n, trim) - 1;
}
function summarizeRounds(d, trim = 0) {
  const n = d.length;
  const g = trimmedCount(n, trim);
  const h = n - 2 * g;
  const sorted = g > 0 ? [...d].sort((a, b) => a - b) : d;
  const kept = sorted.slice(g, n - g);
  const mean = n ? kept.reduce((s, x) => s + x, 0) / h : Number.NaN;
  const winsorized = g > 0 ? sorted.map((x) => Math.min(Math.max(x, sorted[g]), sorted[n - 1 - g])) : d;
  const wMean = g > 0 ? winsorized.reduce((s, x) => s + x, 0) / n : mean;
  const sw = n >= 2 ? Math.sqrt(winsorized.reduce((s, x) => s + (x - wMean) ** 2, 0) / (n - 1)) : Number.NaN;
  const sd = g > 0 ? sw * Math.sqrt(n * (n - 1) / (h * (h - 1))) : sw;
  return { n, mean, sd, se: sd / Math.sqrt(n), df: roundsDf(n, trim) };
}
var quantiles = /* @__PURE__ */ new Map();
function tQuantile(p, df) {
  const key = `${p}:${df}`;
  let q = quantiles.get(key);
  if (q === void 0) {
    q = studentTQuantile(p, df);
    if (quantiles.size > 1e4) quantiles.clear();
    quantiles.set(key, q);
  }
  return q;
}
function logRule(rule) {
  return { threshold: Math.log1p(rule.threshold), floor: Math.log1p(Math.min(rule.noiseFloor, rule.threshold)) };
}
function logInterval(s, level) {
  const q = level > 0 ? tQuantile(1 - level, s.df) : Infinity;
  const half = q * s.se;
  return [s.mean - half, s.mean + half];
}
function toChangeInterval(ci) {
  return [toChange(ci[0]), toChange(ci[1])];
}
function gateDetectable(ci, rule, reach = ci) {
  const { threshold: threshold2, floor } = logRule(rule);
  const h = (ci[1] - ci[0]) / 2;
  const r = Math.max(h, (reach[1] - reach[0]) / 2, floor * REACH_RESOLUTION);
  return Math.expm1(Math.max(floor + h, threshold2 - r));
}
function reachInterval(ci, centre, floor) {
  const resolution = floor * REACH_RESOLUTION;
  return wider(ci, [centre - resolution, centre + resolution]);
}
function wider(a, b) {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}
function decideAtLook(d, look, rule) {
  const s = summarizeRounds(d, ruleTrim(rule));
  const none = { verdict: "inconclusive", change: s.n ? toChange(s.mean) : null, ci95: null, claimCi: null, detectableChange: null, spread: null, rounds: s.n };
  if (s.n < FIRST_LOOK || !Number.isFinite(s.mean) || !Number.isFinite(s.se)) return none;
  const ci95 = logInterval(s, 0.025);
  const claimCi = logInterval(s, look.level);
  const detectableChange2 = gateDetectable(logInterval(s, look.finalLevel), rule, ci95);
  const { threshold: threshold2, floor } = logRule(rule);
  const [lo, hi] = claimCi;
  const [reachLo, reachHi] = reachInterval(wider(claimCi, ci95), s.mean, floor);
  let verdict = "inconclusive";
  if (hi < -floor && reachLo <= -threshold2) verdict = "regression";
  else if (lo > floor && reachHi >= threshold2) verdict = "improvement";
  else if (look.final) {
    const [elo, ehi] = logInterval(s, UNCHANGED_LEVEL);
    if (elo > -threshold2 && ehi < threshold2 && detectableChange2 <= rule.threshold) verdict = "unchanged";
  }
  return { verdict, change: toChange(s.mean), ci95: toChangeInterval(ci95), claimCi: toChangeInterval(claimCi), detectableChange: detectableChange2, spread: s.sd, rounds: s.n };
}
function reachedLooks(looks, n, ended) {
  const reached = looks.filter((k) => k <= n);
  const planned = looks.at(-1) ?? n;
  if (ended && n >= FIRST_LOOK && reached.at(-1) !== n) reached.push(n);
  return { looks: reached, final: ended || n >= planned };
}
function decideGates(inputs, rule) {
  const live3 = inputs.map((x) => !x.failed && x.d.length >= FIRST_LOOK);
  const m = Math.max(1, live3.filter(Boolean).length);
  const outcomes = inputs.map(() => null);
  const claimed = { regression: 0, improvement: 0 };
  for (; ; ) {
    let changed = false;
    for (const [i, input] of inputs.entries()) {
      const prior = outcomes[i];
      if (prior && (prior.verdict === "regression" || prior.verdict === "improvement")) continue;
      if (!live3[i]) {
        outcomes[i] = { ...decideAtLook([], { level: 0, finalLevel: 0, final: true }, rule), change: null, level: 0, atLook: false, rounds: input.d.length };
        continue;
      }
      const share = (dir) => rule.alpha / Math.max(1, m - claimed[dir]);
      const { looks, final } = reachedLooks(input.looks, input.d.length, input.ended);
      const atLook = looks.at(-1) === input.d.length;
      const decide = (alpha2) => {
        const schedule = final ? looks : [...input.looks];
        const levels = lookLevels(schedule, alpha2);
        const index = schedule.indexOf(input.d.length);
        const level = atLook && index >= 0 ? levels[index] : 0;
        return { ...decideAtLook(input.d, { level, finalLevel: levels.at(-1) ?? alpha2, final: final && atLook }, rule), level };
      };
      const reg = decide(share("regression"));
      const imp = decide(share("improvement"));
      let outcome;
      if (reg.verdict === "regression") outcome = { ...reg, atLook };
      else if (imp.verdict === "improvement") outcome = { ...imp, atLook };
      else outcome = { ...reg, atLook };
      if (!prior || prior.verdict !== outcome.verdict) changed = true;
      outcomes[i] = outcome;
      if (outcome.verdict === "regression" && prior?.verdict !== "regression") claimed.regression++;
      if (outcome.verdict === "improvement" && prior?.verdict !== "improvement") claimed.improvement++;
    }
    if (!changed) break;
  }
  return outcomes;
}
function roundsForPower(spread, level, rule, maxRounds) {
  const { threshold: threshold2, floor } = logRule(rule);
  const delta = threshold2 - floor;
  if (!(spread > 0)) return FIRST_LOOK;
  for (let n = FIRST_LOOK; n <= maxRounds; n++) {
    const power = normalCdf(delta * Math.sqrt(n) / spread - tQuantile(1 - level, roundsDf(n, ruleTrim(rule))));
    if (power >= PLANNED_POWER) return n;
  }
  return maxRounds + 1;
}
function detectableWithRounds(spread, n, level, rule) {
  if (n < FIRST_LOOK || !(spread > 0)) return Number.NaN;
  const z = studentTQuantile(1 - level, roundsDf(n, ruleTrim(rule))) + studentTQuantile(PLANNED_POWER, 1e6);
  const delta = z * spread / Math.sqrt(n);
  return Math.expm1(logRule(rule).floor + delta);
}
function plannedFinalLevel(planned, alpha2) {
  return lookLevels(lookSchedule(FIRST_LOOK, Math.max(FIRST_LOOK, planned)), alpha2).at(-1) ?? alpha2;
}

// src/analysis/compare.ts
var COMPARE_DEFAULTS = {
  threshold: 0.05,
  noiseFloor: 0.01,
  memoryThreshold: 0.1,
  /** Peak-RSS differences smaller than this are allocator noise, whatever the fraction. */
  memoryMinBytes: 2 * 1024 * 1024,
  alpha: 0.05,
  seed: 1,
  resamples: 2e3
};
function decideVerdict(ci95, holmCi, rule) {
  if (![...holmCi, ...ci95].every((x) => Number.isFinite(x) && x > -1)) return "inconclusive";
  const [lo, hi] = holmCi.map(toLog);
  const [wlo, whi] = ci95.map(toLog);
  const { threshold: threshold2, floor } = logRule(rule);
  const [reachLo, reachHi] = reachInterval([lo, hi], (lo + hi) / 2, floor);
  if (hi < -floor && reachLo <= -threshold2) return "regression";
  if (lo > floor && reachHi >= threshold2) return "improvement";
  if (wlo > -threshold2 && whi < threshold2) return "unchanged";
  return "inconclusive";
}
function detectableChange(ci, rule) {
  return gateDetectable([toLog(ci[0]), toLog(ci[1])], rule);
}
function comparisonSeed(seed2, key) {
  let h = 2166136261 ^ seed2 >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
function memorySummary(input, settings) {
  let baseRss = [];
  let headRss = [];
  let ratios = [];
  if (input.rounds) {
    for (const r of input.rounds) {
      if (r.basePeakRssBytes && r.headPeakRssBytes) {
        baseRss.push(r.basePeakRssBytes);
        headRss.push(r.headPeakRssBytes);
        ratios.push(Math.log(r.headPeakRssBytes / r.basePeakRssBytes));
      }
    }
  } else if (input.unpaired?.basePeakRssBytes && input.unpaired.headPeakRssBytes) {
    baseRss = [input.unpaired.basePeakRssBytes];
    headRss = [input.unpaired.headPeakRssBytes];
    ratios = [Math.log(headRss[0] / baseRss[0])];
  }
  if (ratios.length === 0) return { base: null, head: null, change: null, growth: false };
  const base = median2(baseRss);
  const head = median2(headRss);
  const change = toChange(median2(ratios));
  const growth = change > settings.memoryThreshold && head - base > COMPARE_DEFAULTS.memoryMinBytes;
  return { base, head, change, growth };
}
var MODEL_RANK = new Map(MODELS.map((m, i) => [m, i]));
function orderComparisons(comparisons, workloadOrder) {
  const rank = { regression: 0, improvement: 1, inconclusive: 1, unchanged: 1 };
  const wi = (name) => {
    const i = workloadOrder.indexOf(name);
    return i < 0 ? workloadOrder.length : i;
  };
  return [...comparisons].sort(
    (a, b) => rank[a.verdict] - rank[b.verdict] || wi(a.workload) - wi(b.workload) || (MODEL_RANK.get(a.model) ?? 0) - (MODEL_RANK.get(b.model) ?? 0) || a.concurrency - b.concurrency
  );
}
function analyzeComparisons(inputs, settings) {
  return analyzeFamily(inputs, settings);
}
function analyzeCompare(inputs, settings) {
  const rule = { threshold: settings.threshold, noiseFloor: settings.noiseFloor, alpha: settings.alpha };
  const primaries = inputs.map((input, i) => ({ input, i })).filter(({ input }) => input.primary);
  const gates = decideGates(
    primaries.map(({ input }) => {
      const d = pairedLogRatios(input);
      return { d, looks: input.looks ?? lookSchedule(FIRST_LOOK, Math.max(FIRST_LOOK, d.length)), ended: input.ended ?? true, failed: input.error !== void 0 };
    }),
    rule
  );
  const described = analyzeFamily(inputs, settings, { descriptive: true });
  const comparisons = [...described];
  const workloadChanges = [];
  primaries.forEach(({ input, i }, k) => {
    const g = gates[k];
    const decided = g.ci95 !== null;
    comparisons[i] = {
      ...comparisons[i],
      gating: true,
      verdict: g.verdict,
      change: g.change,
      ci95: g.ci95,
      holmCi: g.claimCi,
      holmLevel: decided ? 1 - 2 * g.level : comparisons[i].holmLevel,
      rounds: g.rounds,
      roundSpread: g.spread,
      detectableChange: g.detectableChange
    };
    workloadChanges.push({
      workload: input.workload,
      model: input.model,
      concurrency: input.concurrency,
      metric: input.metric ?? "throughput",
      cells: 1,
      verdict: g.verdict,
      change: g.change,
      ci95: g.ci95,
      holmCi: g.claimCi,
      holmLevel: decided ? 1 - 2 * g.level : 0.95,
      rounds: g.rounds,
      roundSpread: g.spread,
      detectableChange: g.detectableChange,
      ...input.error ? { error: input.error } : {}
    });
  });
  return { comparisons, workloadChanges };
}
function analyzeFamily(inputs, settings, options = {}) {
  const rule = { threshold: settings.threshold, noiseFloor: settings.noiseFloor };
  const boots = inputs.map((input) => {
    const seed2 = comparisonSeed(settings.seed, `${input.workload}\0${input.model}\0${input.concurrency}`);
    if (input.error) return null;
    if (input.rounds) {
      const d = pairedLogRatios(input);
      return d.length ? pairedBootstrap(d, { seed: seed2, resamples: settings.resamples }) : null;
    }
    if (input.unpaired) {
      const boot = unpairedBootstrap(input.unpaired.base, input.unpaired.head, { seed: seed2, resamples: settings.resamples });
      return boot.n ? boot : null;
    }
    return null;
  });
  const family = boots.map((b, i) => ({ b, i })).filter((x) => x.b !== null);
  const claimAlpha = options.descriptive ? 0.05 : settings.alpha;
  const levels = options.descriptive ? family.map(() => claimAlpha) : holmLevels(family.map(({ b }) => beyondFloorPValue(b, rule.noiseFloor)), claimAlpha);
  const levelOf = new Map(family.map(({ i }, k) => [i, levels[k]]));
  return inputs.map((input, i) => {
    const boot = boots[i];
    const memory = memorySummary(input, settings);
    const sides = input.rounds ? {
      base: median2(input.rounds.map((r) => r.base).filter((x) => x > 0)),
      head: median2(input.rounds.map((r) => r.head).filter((x) => x > 0))
    } : { base: input.unpaired ? median2(input.unpaired.base) : Number.NaN, head: input.unpaired ? median2(input.unpaired.head) : Number.NaN };
    const finite = (x) => Number.isFinite(x) ? x : null;
    const common = {
      workload: input.workload,
      model: input.model,
      concurrency: input.concurrency,
      roles: input.roles,
      gating: !options.descriptive,
      metric: input.metric ?? "throughput",
      base: { throughput: finite(sides.base), peakRssBytes: memory.base },
      head: { throughput: finite(sides.head), peakRssBytes: memory.head },
      memoryChange: memory.change,
      memoryGrowth: memory.growth
    };
    if (!boot) {
      return {
        ...common,
        verdict: "inconclusive",
        change: null,
        ci95: null,
        holmCi: null,
        holmLevel: 1 - claimAlpha,
        rounds: 0,
        roundSpread: null,
        detectableChange: null,
        // No round within the budget is not a failure (the results say `incomplete`); a side that failed is.
        ...input.error ? { error: input.error } : {}
      };
    }
    const level = levelOf.get(i) ?? claimAlpha;
    const d = input.rounds ? pairedLogRatios(input) : null;
    const holm = widen(changeInterval(boot, level), d, level);
    const wide = widen(changeInterval(boot, 0.05), d, 0.05);
    const holmCi = holm.ci;
    const ci95 = wide.ci;
    const usable = boot.n >= 2 && holm.decidable && wide.decidable;
    const comparison2 = {
      ...common,
      verdict: usable ? decideVerdict(ci95, holmCi, rule) : "inconclusive",
      change: toChange(boot.estimate),
      // One round is a point, not an interval: no interval is reported rather than a zero-width one.
      ci95: boot.n >= 2 ? ci95 : null,
      holmCi: boot.n >= 2 ? holmCi : null,
      holmLevel: 1 - level,
      rounds: boot.n,
      roundSpread: finite(boot.spread),
      detectableChange: usable ? detectableChange(holmCi, rule) : null
    };
    if (input.rounds) comparison2.roundRates = pairedRates(input);
    if (input.error) comparison2.error = input.error;
    return comparison2;
  });
}
function pairedRates(input) {
  const rounds = input.rounds ?? [];
  const cpu = input.metric === "cpu-time";
  const rate2 = (x) => x !== void 0 && Number.isFinite(x) ? Number(x.toPrecision(4)) : 0;
  return { base: rounds.map((r) => rate2(cpu ? r.baseCpuRate : r.base)), head: rounds.map((r) => rate2(cpu ? r.headCpuRate : r.head)) };
}
function pairedLogRatios(input) {
  const rounds = input.rounds ?? [];
  if (input.metric === "cpu-time") return logRatios(rounds.map((r) => r.baseCpuRate ?? Number.NaN), rounds.map((r) => r.headCpuRate ?? Number.NaN));
  return logRatios(rounds.map((r) => r.base), rounds.map((r) => r.head));
}
function widen(ci, d, alpha2) {
  if (!d) return { ci, decidable: true };
  const t = meanInterval(d, alpha2);
  if (!t || !t.every(Number.isFinite)) return { ci, decidable: false };
  return { ci: [Math.min(ci[0], toChange(t[0])), Math.max(ci[1], toChange(t[1]))], decidable: true };
}
function summarizeNoise(comparisons) {
  const deciding = comparisons.filter((c) => c.gating !== false);
  const spreads = deciding.map((c) => c.roundSpread).filter((x) => x !== null);
  const detectable = deciding.map((c) => c.detectableChange).filter((x) => x !== null);
  return {
    roundSpread: spreads.length ? median2(spreads) : null,
    detectableChange: detectable.length ? median2(detectable) : null
  };
}

// src/analysis/recommendation-changes.ts
function recommendationChanges(base, head, options = {}) {
  const margin = options.margin ?? DEFAULT_MARGIN;
  const pick = (w) => w?.recommendation ? { model: w.recommendation.model, concurrency: w.recommendation.concurrency, ...w.recommendation.workers !== void 0 ? { workers: w.recommendation.workers } : {} } : null;
  const names = [...head.map((w) => w.name), ...base.map((w) => w.name).filter((n) => !head.some((w) => w.name === n))];
  const changes = [];
  for (const name of names) {
    const headWorkload = head.find((w) => w.name === name);
    const baseWorkload = base.find((w) => w.name === name);
    const b = pick(baseWorkload);
    const h = pick(headWorkload);
    if (b?.model === h?.model && b?.concurrency === h?.concurrency) continue;
    const seed2 = options.seed ?? 1;
    if (b && h && headWorkload && baseWorkload && (withinNoise(headWorkload, h, b, margin, seed2) || withinNoise(baseWorkload, h, b, margin, seed2))) continue;
    changes.push({ workload: name, base: b, head: h });
  }
  return changes;
}
function withinNoise(w, a, b, margin, seed2) {
  const cell2 = (x) => w.cells.find((c) => c.model === x.model && c.concurrency === x.concurrency && c.status === "ok" && c.batchThroughputs.length > 0);
  const ca = cell2(a);
  const cb = cell2(b);
  if (!ca || !cb) return false;
  const { ci95 } = ratioOfMediansGrouped(groupSamples(ca.batchThroughputs, ca.batchesPerRound), groupSamples(cb.batchThroughputs, cb.batchesPerRound), { seed: seed2 });
  return !(ci95[0] > 1 + margin || ci95[1] < 1 / (1 + margin));
}

// src/analysis/compare-select.ts
init_types();
function selectCells(base, head) {
  const okIn = (w, model2, concurrency) => w.cells.find((c) => c.model === model2 && c.concurrency === concurrency && c.status === "ok" && c.throughput.median > 0);
  const selected = [];
  const add = (model2, concurrency, role) => {
    const existing = selected.find((s) => s.model === model2 && s.concurrency === concurrency);
    if (existing) {
      if (!existing.roles.includes(role)) existing.roles.push(role);
    } else {
      selected.push({ workload: head.name, model: model2, concurrency, roles: [role] });
    }
  };
  for (const model2 of MODELS) {
    let best;
    for (const cell2 of head.cells.filter((c) => c.model === model2)) {
      const b = okIn(base, model2, cell2.concurrency);
      const h = okIn(head, model2, cell2.concurrency);
      if (!b || !h) continue;
      const score = Math.log(b.throughput.median) + Math.log(h.throughput.median);
      if (!best || score > best.score) best = { concurrency: cell2.concurrency, score };
    }
    if (best) add(model2, best.concurrency, "best");
  }
  for (const w of [head, base]) {
    const r = w.recommendation;
    if (r && okIn(base, r.model, r.concurrency) && okIn(head, r.model, r.concurrency)) add(r.model, r.concurrency, "recommended");
  }
  const rank = (m) => MODELS.indexOf(m);
  return selected.sort((a, b) => rank(a.model) - rank(b.model) || a.concurrency - b.concurrency);
}
function computeShare(cell2, cores) {
  const lanes = cell2.model === "sequential" || cell2.model === "async" ? 1 : Math.max(1, Math.min(cell2.concurrency, cores));
  return (cell2.cpuUtilization + (cell2.stealShare ?? 0)) / lanes + (cell2.runQueueShare ?? 0);
}
function comparisonMetric(base, head, cores) {
  if (!base || !head) return "throughput";
  return computeShare(base, cores) >= CPU_BOUND_AT && computeShare(head, cores) >= CPU_BOUND_AT ? "cpu-time" : "throughput";
}
function runsOnOneCpu(base, head) {
  const total = (c) => c.cpuUtilization + (c.poolUtilization ?? 0) + (c.overheadUtilization ?? 0);
  const single = (c) => c !== void 0 && (c.model === "sequential" || c.model === "async" && total(c) <= 1.1);
  return single(base) && single(head);
}

// src/measure/sweep.ts
init_types();
import { availableParallelism } from "node:os";

// src/measure/hybrids.ts
init_types();
var HYBRID_SIGN_GAIN = 0.1;
var HYBRID_LOOP_BUSY = 0.5;
var NO_USE_FOR_HYBRIDS = "the coarse sweep showed no use for a hybrid: ";
function noUseForHybrids(reason) {
  return reason.startsWith(NO_USE_FOR_HYBRIDS);
}
function hybridsGated(models) {
  return models.includes("async") && (models.includes("thread") || models.includes("process"));
}
function bestReading(cells, visits, model2) {
  let best;
  for (const cell2 of cells) {
    if (cell2.model !== model2) continue;
    const samples = (visits.get(cell2.key) ?? []).flatMap((v) => v.samples);
    if (samples.length === 0) continue;
    const rate2 = median(sortSamples(samples.map((s) => s.tasks / s.wallMs)));
    if (best && rate2 <= best.rate) continue;
    const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
    const cpu = samples.reduce((sum, s) => sum + (s.taskCpuMs ?? s.cpuMs), 0);
    best = { rate: rate2, concurrency: cell2.concurrency, busy: wall > 0 ? cpu / wall : 0 };
  }
  return best;
}
var gain = (value) => `x${value.toFixed(2)}`;
function computingShareOf(cells, visits) {
  const samples = cells.filter((c) => c.model === "sequential").flatMap((c) => (visits.get(c.key) ?? []).flatMap((v) => v.samples));
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  if (!(wall > 0)) return void 0;
  const busy = samples.reduce((sum, s) => sum + (s.taskCpuMs ?? s.cpuMs) + (s.runQueueMs ?? 0), 0);
  return Math.min(1, busy / wall);
}
function hybridSigns(cells, visits, settled2) {
  const sequential = bestReading(cells, visits, "sequential");
  if (!sequential) return settled2("sequential") ? { state: "unshown", reason: "the sequential baseline was not measured (the budget, or its visits failed), so the coarse sweep could not show whether a hybrid can pay" } : { state: "pending" };
  const computing = computingShareOf(cells, visits);
  if (computing !== void 0 && 1 / computing <= 1 + HYBRID_SIGN_GAIN) {
    return { state: "skip", reason: `sequential computed ${Math.round(computing * 100)}% of the time: overlapping the rest can gain at most ${gain(1 / computing)}, no waits for a hybrid's event loops to overlap` };
  }
  const pools = ["thread", "process"].filter((m) => cells.some((c) => c.model === m));
  if (!settled2("async") || pools.some((m) => !settled2(m))) return { state: "pending" };
  const async = bestReading(cells, visits, "async");
  if (!async) return { state: "unshown", reason: "async was not measured (the budget, or its visits failed), so the coarse sweep could not show whether the task has waits to overlap" };
  const asyncGain = async.rate / sequential.rate;
  if (asyncGain <= 1 + HYBRID_SIGN_GAIN) {
    return { state: "skip", reason: `async did not beat sequential by more than ${Math.round(HYBRID_SIGN_GAIN * 100)}% (${gain(asyncGain)} at ${async.concurrency} in flight): no waits for a hybrid's event loops to overlap` };
  }
  const poolReadings = pools.map((m) => ({ model: m, reading: bestReading(cells, visits, m) })).filter((p) => p.reading !== void 0);
  const bestPool = poolReadings.sort((a, b) => b.reading.rate - a.reading.rate)[0];
  if (!bestPool) return { state: "unshown", reason: "no thread or process pool was measured (the budget, or their visits failed), so the coarse sweep could not show whether the task has parallel work" };
  const poolGain = bestPool.reading.rate / sequential.rate;
  if (poolGain <= 1 + HYBRID_SIGN_GAIN) {
    return { state: "skip", reason: `no thread or process pool beat sequential by more than ${Math.round(HYBRID_SIGN_GAIN * 100)}% (${bestPool.model} ${gain(poolGain)}): no parallel work for a hybrid's workers` };
  }
  if (async.busy < HYBRID_LOOP_BUSY) {
    return {
      state: "skip",
      reason: `async's one loop was busy ${Math.round(async.busy * 100)}% of the time at its best level (${async.concurrency} in flight), under ${Math.round(HYBRID_LOOP_BUSY * 100)}%: it has room for more tasks in flight, so a second loop adds nothing async cannot`
    };
  }
  return { state: "measure" };
}

// src/measure/levels.ts
init_types();
function nearest(levels, target) {
  return levels.reduce((best, level) => Math.abs(level - target) < Math.abs(best - target) ? level : best, levels[0]);
}
function coarseLevels(model2, levels, cores) {
  if (levels.length === 0) return [];
  const targets = model2 === "async" ? [1, cores, 2 * cores, Math.max(...levels)] : isHybrid(model2) ? [Math.max(...levels)] : [1, cores, 2 * cores];
  return [...new Set(targets.map((t) => nearest(levels, t)))].sort((a, b) => a - b);
}
function coarseRank(cell2, cores, levels, waits = false) {
  if (cell2.model === "sequential") return 0;
  if (isHybrid(cell2.model)) return cell2.concurrency === Math.max(...levels) ? 1 : 2;
  const primary = cell2.model === "async" || waits ? Math.max(...levels) : nearestLevel(levels, cores);
  if (cell2.concurrency === primary) return 1;
  if (cell2.concurrency > 1) return 2;
  return 3;
}
function nearestLevel(levels, target) {
  return nearest(levels, target);
}
function refineAround(cells, measured, best) {
  const out = [];
  const byModel = /* @__PURE__ */ new Map();
  for (const cell2 of cells) {
    const key = `${cell2.workload.name}\0${cell2.model}`;
    byModel.set(key, [...byModel.get(key) ?? [], cell2]);
  }
  for (const [key, group] of byModel) {
    const at = best.get(key);
    if (at === void 0) continue;
    const levels = group.map((c) => c.concurrency).sort((a, b) => a - b);
    const measuredLevels = levels.filter((l) => measured.has(group.find((c) => c.concurrency === l).key));
    const unmeasured = levels.filter((l) => !measuredLevels.includes(l));
    const below = Math.max(...measuredLevels.filter((l) => l < at), ...measuredLevels.some((l) => l < at) ? [] : unmeasured.filter((l) => l < at).slice(-2, -1), -Infinity);
    const above = Math.min(...measuredLevels.filter((l) => l > at), ...measuredLevels.some((l) => l > at) ? [] : unmeasured.filter((l) => l > at).slice(1, 2), Infinity);
    for (const cell2 of group) {
      if (measured.has(cell2.key)) continue;
      if (cell2.concurrency > below && cell2.concurrency < above) out.push(cell2);
    }
  }
  return out;
}

// src/measure/sweep.ts
var SWEEP_BATCH_MS = 200;
var CALIBRATION_TASKS = 8;
var VISIT_OVERHEAD_GUESS_MS = 250;
function taskMs(visit) {
  const tasks = visit?.samples.reduce((sum, s) => sum + s.tasks, 0) ?? 0;
  const wall = visit?.samples.reduce((sum, s) => sum + s.wallMs, 0) ?? 0;
  return tasks > 0 && wall > 0 ? wall / tasks : Number.NaN;
}
var MIN_TASKS_PER_LANE = 8;
var LANE_FLOOR_MAX_MS = 250;
function batchTasksFor(tasks, concurrency, oneTaskMs, batchMs) {
  if (!(oneTaskMs > 0)) return tasks;
  const wanted = Math.ceil(concurrency * batchMs / oneTaskMs);
  const perLane = concurrency > 1 ? Math.max(1, Math.min(MIN_TASKS_PER_LANE, Math.floor(LANE_FLOOR_MAX_MS / oneTaskMs))) : 1;
  return Math.min(tasks, Math.max(concurrency, wanted, perLane * concurrency));
}
async function sweepCells(cells, options) {
  const visits = new Map(cells.map((c) => [c.key, []]));
  const random = mulberry32(options.seed);
  const perVisit = (options.deadline - performance.now()) / 2 / Math.max(1, cells.length);
  const sampleTimeMs = Math.round(Math.min(200, Math.max(20, perVisit - VISIT_OVERHEAD_GUESS_MS)));
  const treeOf = (cell2) => `${cell2.key.split("\0")[0]}\0${cell2.workload.name}`;
  const oneTask = /* @__PURE__ */ new Map();
  const groupOf = (cell2) => cells.filter((c) => treeOf(c) === treeOf(cell2));
  let held = cells.filter((c) => isHybrid(c.model) && hybridsGated(groupOf(c).map((o) => o.model)));
  let healthy = cells.filter((c) => !held.includes(c));
  for (let round2 = 1; round2 <= 3 && healthy.length > 0; round2++) {
    const started = performance.now();
    const calibrating = round2 === 1 ? healthy.filter((c) => c.model === "sequential" && c.concurrency === 1) : [];
    const order = [...shuffled(calibrating, random), ...shuffled(healthy.filter((c) => !calibrating.includes(c)), random)];
    let done = 0;
    for (const cell2 of order) {
      if (options.signal?.aborted || round2 > 1 && performance.now() > options.deadline) break;
      const known = oneTask.get(treeOf(cell2));
      const batchTasks = calibrating.includes(cell2) ? Math.min(cell2.workload.tasks, CALIBRATION_TASKS) : batchTasksFor(cell2.workload.tasks, cell2.concurrency, known ?? Number.NaN, SWEEP_BATCH_MS);
      const outcome = await options.visit(cell2.workload, cell2.model, cell2.concurrency, { sampleTimeMs, signal: options.signal, batchTasks });
      if (outcome.status !== "aborted") visits.get(cell2.key).push(outcome);
      if (calibrating.includes(cell2) && outcome.status === "ok") oneTask.set(treeOf(cell2), taskMs(outcome));
      options.onVisit?.({ round: round2, done: ++done, total: order.length, cell: cell2, outcome });
    }
    healthy = healthy.filter((c) => visits.get(c.key).every((v) => v.status === "ok"));
    for (const tree of new Set(held.map(treeOf))) {
      const own = cells.filter((c) => treeOf(c) === tree);
      const signs = hybridSigns(own, visits, (model2) => own.filter((c) => c.model === model2).every((c) => visits.get(c.key).length > 0));
      if (signs.state === "pending") continue;
      const hybrids = held.filter((c) => treeOf(c) === tree);
      held = held.filter((c) => !hybrids.includes(c));
      if (signs.state === "measure") {
        const levels = (c) => hybrids.filter((o) => o.model === c.model).map((o) => o.concurrency);
        healthy.push(...hybrids.filter((c) => coarseLevels(c.model, levels(c), availableParallelism()).includes(c.concurrency)));
      }
    }
    if (options.signal?.aborted) break;
    const elapsed = performance.now() - started;
    options.onRound?.(round2, elapsed);
    if (performance.now() + elapsed * 0.9 > options.deadline) break;
  }
  return visits;
}

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);
init_paths();
init_types();
import { readFileSync, existsSync, statSync } from "node:fs";
import * as nodeModule from "node:module";
import { availableParallelism as availableParallelism2 } from "node:os";
import { dirname, resolve, relative } from "node:path";
import { pathToFileURL } from "node:url";

// src/config/errors.ts
function line(problem) {
  return `${problem.field ? `${problem.field}: ` : ""}${problem.expected}`;
}
var ConfigError = class extends Error {
  code = "CONFIG_INVALID";
  file;
  field;
  expected;
  problems;
  constructor(file, fieldOrProblems, expected = "") {
    const problems = typeof fieldOrProblems === "string" ? [{ field: fieldOrProblems, expected }] : [...fieldOrProblems];
    if (problems.length === 0) throw new RangeError("ConfigError needs at least one problem");
    super(
      problems.length === 1 ? `${file}: ${line(problems[0])}` : `${file}: ${problems.length} problems:
${problems.map((p) => `  ${line(p)}`).join("\n")}`
    );
    this.name = "ConfigError";
    this.file = file;
    this.field = problems[0].field;
    this.expected = problems[0].expected;
    this.problems = problems;
  }
};

// src/config/load.ts
var DEFAULT_CONFIG_FILE = "concurrency-bench.config.json";
var DEFAULT_CONFIG_FILES = [
  DEFAULT_CONFIG_FILE,
  "concurrency-bench.config.yaml",
  "concurrency-bench.config.yml",
  "concurrency-bench.config.ts",
  "concurrency-bench.config.mts",
  "concurrency-bench.config.js",
  "concurrency-bench.config.mjs"
];
var MODULE_CONFIG = /\.(m?ts|m?js)$/i;
var TYPESCRIPT_CONFIG = /\.m?ts$/i;
function isModuleConfig(path) {
  return MODULE_CONFIG.test(path);
}
function defaultConfigPath(dir = process.cwd()) {
  return DEFAULT_CONFIG_FILES.find((name) => existsSync(resolve(dir, name))) ?? DEFAULT_CONFIG_FILE;
}
var DEFAULT_TIMEOUT_MS = 3e4;
var START_METHODS = ["fork", "spawn", "forkserver"];
var WORKLOAD_KEYS = /* @__PURE__ */ new Set([
  "name",
  "module",
  "entry",
  "function",
  "runtime",
  "python",
  "startMethod",
  "tasks",
  "concurrency",
  "models",
  "timeoutMs"
]);
var TOP_KEYS = /* @__PURE__ */ new Set(["$schema", "workloads", "prepare"]);
function sweep(max, extra = []) {
  const levels = new Set(extra.filter((c) => c <= max));
  for (let c = 1; c <= max; c *= 2) levels.add(c);
  levels.add(Math.max(1, max));
  return [...levels].sort((a, b) => a - b);
}
function defaultConcurrency(tasks, cpus2 = availableParallelism2()) {
  const hybrid = HYBRID_PER_WORKER.map((k) => k * cpus2).filter((c) => c <= tasks);
  return {
    sequential: [1],
    async: sweep(tasks),
    thread: sweep(2 * cpus2, [cpus2]),
    process: sweep(2 * cpus2, [cpus2]),
    "thread+async": hybrid.length > 0 ? hybrid : [Math.max(1, Math.min(tasks, cpus2))],
    "process+async": hybrid.length > 0 ? hybrid : [Math.max(1, Math.min(tasks, cpus2))]
  };
}
var HYBRID_PER_WORKER = [2, 4, 8, 16];
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "..." : value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
function isPositiveInt(value) {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
function locate(path) {
  const file = resolve(path);
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file)) {
    throw new ConfigError(shown, "", `config file not found (expected a JSON, YAML, TypeScript or JavaScript file declaring "workloads"; see ${DEFAULT_CONFIG_FILE} in the README)`);
  }
  if (statSync(file).isDirectory()) throw new ConfigError(shown, "", "is a directory, expected a config file");
  return { file, shown };
}
function loadConfig(path, options = {}) {
  const { file, shown } = locate(path);
  const fail = (field, expected) => {
    throw new ConfigError(shown, field, expected);
  };
  if (isModuleConfig(file)) fail("", "a TypeScript or JavaScript config is imported, which the synchronous loadConfig cannot do (use loadConfigAsync)");
  let raw;
  const text = readFileSync(file, "utf8");
  if (/\.ya?ml$/i.test(file)) {
    try {
      raw = (0, import_yaml.parse)(text);
    } catch (error) {
      fail("", `not valid YAML (${String(error.message).split("\n")[0]})`);
    }
  } else {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      fail("", `not valid JSON (${error.message})`);
    }
  }
  return parseConfig(raw, file, shown, options.cpus);
}
async function loadConfigAsync(path, options = {}) {
  if (!isModuleConfig(path)) return loadConfig(path, options);
  const { file, shown } = locate(path);
  resolveOwnNameToSelf();
  const fail = (expected) => {
    throw new ConfigError(shown, "", expected);
  };
  let module;
  try {
    const { mtimeMs, size } = statSync(file);
    module = await import(`${pathToFileURL(file).href}?mtime=${mtimeMs}-${size}`);
  } catch (error) {
    const message = String(error?.message ?? error).split("\n")[0];
    const code = error?.code;
    if (code === "ERR_UNKNOWN_FILE_EXTENSION" && TYPESCRIPT_CONFIG.test(file)) {
      fail(`a TypeScript config needs Node's type stripping (on by default from Node 22.18 and 23.6; this is ${process.version}, where it is off): use a newer Node or write the config as .mjs or JSON`);
    }
    if (code === "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX" || code === "ERR_INVALID_TYPESCRIPT_SYNTAX") {
      fail(`could not be loaded: TypeScript that Node cannot strip (${message}); configs are type-stripped, not compiled, so use no enums or namespaces`);
    }
    return fail(`could not be loaded (${error?.name ?? "Error"}: ${message})`);
  }
  if (!("default" in module) || module.default === void 0) {
    const named2 = Object.keys(module).filter((k) => k !== "default");
    fail(`expected a default export (export default defineConfig({ workloads: [...] })), found ${named2.length ? `only named exports: ${named2.join(", ")}` : "no exports"}`);
  }
  let raw;
  try {
    raw = await module.default;
  } catch (error) {
    fail(`the default export is a promise that rejected (${String(error?.message ?? error).split("\n")[0]})`);
  }
  return parseConfig(raw, file, shown, options.cpus);
}
var ownNameHooked = false;
function resolveOwnNameToSelf() {
  if (ownNameHooked) return;
  ownNameHooked = true;
  const registerHooks2 = nodeModule.registerHooks;
  if (typeof registerHooks2 !== "function") return;
  const self = pathToFileURL(ownFile("define")).href;
  registerHooks2({
    resolve(specifier, context, next) {
      try {
        return next(specifier, context);
      } catch (error) {
        if (specifier !== "concurrency-bench") throw error;
        return { url: self, shortCircuit: true };
      }
    }
  });
}
function parseConfig(raw, file, shown = file, cpus2 = availableParallelism2()) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigError(shown, "", `expected an object with "workloads", got ${describe(raw)}`);
  }
  const problems = [];
  const report2 = (field, expected) => {
    problems.push({ field, expected });
  };
  const top = raw;
  for (const key of Object.keys(top)) if (!TOP_KEYS.has(key)) report2(key, `unknown field (allowed: ${[...TOP_KEYS].join(", ")})`);
  if (top.prepare !== void 0 && (typeof top.prepare !== "string" || top.prepare.trim() === "")) {
    report2("prepare", `expected a non-empty shell command string, got ${describe(top.prepare)}`);
  }
  let list = [];
  if (!("workloads" in top)) report2("workloads", "missing: expected a non-empty array of workloads");
  else if (!Array.isArray(top.workloads)) report2("workloads", `expected a non-empty array of workloads, got ${describe(top.workloads)}`);
  else if (top.workloads.length === 0) report2("workloads", "expected at least one workload, got an empty array");
  else list = top.workloads;
  const dir = dirname(file);
  const seen = /* @__PURE__ */ new Map();
  const workloads = [];
  list.forEach((item, index) => {
    const workload2 = parseWorkload(item, index, dir, cpus2, seen, report2);
    if (workload2) workloads.push(workload2);
  });
  if (problems.length > 0) throw new ConfigError(shown, problems);
  const config2 = { file, dir, workloads };
  if (typeof top.prepare === "string") config2.prepare = top.prepare;
  return config2;
}
function parseWorkload(item, index, dir, cpus2, seen, report2) {
  const at = `workloads[${index}]`;
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    report2(at, `expected an object, got ${describe(item)}`);
    return void 0;
  }
  let ok = true;
  const fail = (field, expected) => {
    ok = false;
    report2(field, expected);
  };
  const w = item;
  for (const key of Object.keys(w)) if (!WORKLOAD_KEYS.has(key)) fail(`${at}.${key}`, `unknown field (allowed: ${[...WORKLOAD_KEYS].join(", ")})`);
  let name;
  if (typeof w.name !== "string" || w.name.trim() === "") {
    fail(`${at}.name`, `expected a non-empty string, got ${w.name === void 0 ? "nothing (missing)" : describe(w.name)}`);
  } else if (seen.has(w.name)) {
    fail(`${at}.name`, `duplicate workload name ${JSON.stringify(w.name)} (also workloads[${seen.get(w.name)}].name); names must be unique`);
  } else {
    name = w.name;
    seen.set(name, index);
  }
  const runtime = w.runtime ?? "node";
  const runtimeKnown = RUNTIMES.includes(runtime);
  if (!runtimeKnown) fail(`${at}.runtime`, `expected one of ${RUNTIMES.join(", ")}, got ${describe(w.runtime)}`);
  const notPython = runtimeKnown && runtime !== "python";
  let module;
  let fn = "run";
  if (w.entry !== void 0) {
    if (notPython) fail(`${at}.entry`, 'only for runtime "python" ("package.module:function"); Node workloads use "module"');
    else if (w.module !== void 0) fail(`${at}.entry`, 'give either "module" or "entry", not both');
    else if (typeof w.entry !== "string" || !/^[A-Za-z_][\w.]*:[A-Za-z_]\w*$/.test(w.entry)) fail(`${at}.entry`, `expected "package.module:function", got ${describe(w.entry)}`);
    else [module, fn] = w.entry.split(":");
  } else if (w.module === void 0) {
    fail(`${at}.module`, "missing: expected the path of the workload module, relative to the config file");
  } else if (typeof w.module !== "string" || w.module.trim() === "") {
    fail(`${at}.module`, `expected a non-empty path string, got ${describe(w.module)}`);
  } else {
    module = w.module;
  }
  if (w.function !== void 0) {
    if (notPython) fail(`${at}.function`, 'only for runtime "python"; a Node workload module exports its task as the default export');
    else if (typeof w.function !== "string" || !/^[A-Za-z_]\w*$/.test(w.function)) fail(`${at}.function`, `expected a Python identifier, got ${describe(w.function)}`);
    else fn = w.function;
  }
  if (w.python !== void 0) {
    if (notPython) fail(`${at}.python`, 'only for runtime "python"');
    else if (typeof w.python !== "string" || w.python === "") fail(`${at}.python`, `expected an interpreter command or path, got ${describe(w.python)}`);
  }
  if (w.startMethod !== void 0) {
    if (notPython) fail(`${at}.startMethod`, 'only for runtime "python"');
    else if (!START_METHODS.includes(w.startMethod)) fail(`${at}.startMethod`, `expected one of ${START_METHODS.join(", ")}, got ${describe(w.startMethod)}`);
  }
  let tasks;
  if (!isPositiveInt(w.tasks)) fail(`${at}.tasks`, `expected a positive integer (tasks per batch), got ${w.tasks === void 0 ? "nothing (missing)" : describe(w.tasks)}`);
  else if (w.tasks > 1e6) fail(`${at}.tasks`, `expected at most 1000000 tasks per batch, got ${w.tasks}`);
  else tasks = w.tasks;
  let models = [...MODELS];
  if (w.models !== void 0) {
    if (!Array.isArray(w.models) || w.models.length === 0) {
      fail(`${at}.models`, `expected a non-empty array of ${MODELS.join(", ")}, got ${describe(w.models)}`);
    } else {
      const listed = w.models;
      listed.forEach((m, i) => {
        if (!MODELS.includes(m)) fail(`${at}.models[${i}]`, `expected one of ${MODELS.join(", ")}, got ${describe(m)}`);
      });
      models = MODELS.filter((m) => m === "sequential" || listed.includes(m));
    }
  }
  const concurrency = defaultConcurrency(tasks ?? 1, cpus2);
  if (w.concurrency !== void 0) {
    const levelsAt = (value, field) => {
      if (!Array.isArray(value) || value.length === 0) {
        fail(field, `expected a non-empty array of positive integers, got ${describe(value)}`);
        return void 0;
      }
      let valid = true;
      value.forEach((c, i) => {
        if (!isPositiveInt(c) || c > 1024) {
          fail(`${field}[${i}]`, `expected a positive integer up to 1024, got ${describe(c)}`);
          valid = false;
        }
      });
      if (!valid || tasks === void 0) return void 0;
      const levels = [...new Set(value)].sort((a, b) => a - b).filter((c) => c <= tasks);
      if (levels.length === 0) {
        fail(field, `every level exceeds tasks (${tasks}); expected levels <= tasks`);
        return void 0;
      }
      return levels;
    };
    if (Array.isArray(w.concurrency)) {
      const levels = levelsAt(w.concurrency, `${at}.concurrency`);
      if (levels) concurrency.async = concurrency.thread = concurrency.process = levels;
    } else if (typeof w.concurrency === "object" && w.concurrency !== null) {
      for (const [model2, value] of Object.entries(w.concurrency)) {
        if (model2 === "sequential" || !MODELS.includes(model2)) {
          fail(`${at}.concurrency.${model2}`, `expected one of ${MODELS.slice(1).join(", ")} as key`);
          continue;
        }
        const levels = levelsAt(value, `${at}.concurrency.${model2}`);
        if (levels) concurrency[model2] = levels;
      }
    } else {
      fail(`${at}.concurrency`, `expected an array of positive integers or an object of arrays per model, got ${describe(w.concurrency)}`);
    }
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (w.timeoutMs !== void 0) {
    if (!isPositiveInt(w.timeoutMs)) fail(`${at}.timeoutMs`, `expected a positive integer of milliseconds, got ${describe(w.timeoutMs)}`);
    else timeoutMs = w.timeoutMs;
  }
  if (!ok || name === void 0 || module === void 0 || tasks === void 0) return void 0;
  const workload2 = {
    name,
    runtime,
    module,
    configDir: dir,
    modulePath: runtime === "python" && w.entry !== void 0 ? module : resolve(dir, module),
    function: fn,
    tasks,
    concurrency,
    models,
    timeoutMs
  };
  if (w.python !== void 0) workload2.python = w.python;
  if (w.startMethod !== void 0) workload2.startMethod = w.startMethod;
  return workload2;
}

// src/git/errors.ts
var GitUsageError = class extends Error {
  code = "GIT_USAGE";
  exitCode = 2;
  constructor(message) {
    super(message);
    this.name = "GitUsageError";
  }
};
var PrepareError = class extends Error {
  code = "PREPARE_FAILED";
  exitCode = 3;
  /** Which side of the compare. */
  tree;
  /** Where the command ran. */
  cwd;
  /** The last lines of its combined stdout and stderr. */
  outputTail;
  constructor(tree, cwd, summary, outputTail2) {
    super(`${summary}${outputTail2 ? `
--- last output ---
${outputTail2}` : ""}`);
    this.name = "PrepareError";
    this.tree = tree;
    this.cwd = cwd;
    this.outputTail = outputTail2;
  }
};

// src/git/git.ts
init_repository_env();
import { execFile } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { join } from "node:path";
function git(cwd, args) {
  return new Promise((resolve6, reject) => {
    execFile("git", args, { cwd, maxBuffer: 16 * 1024 * 1024, env: repositoryEnv({ GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }) }, (error, stdout, stderr) => {
      if (error && typeof error.code === "string") {
        reject(new GitUsageError(`could not run git (${error.code}): compare needs git on PATH`));
        return;
      }
      resolve6({ code: error ? error.code ?? 1 : 0, stdout: stdout.toString(), stderr: stderr.toString() });
    });
  });
}
async function repoRoot(cwd) {
  const r = await git(cwd, ["rev-parse", "--show-toplevel"]);
  if (r.code !== 0) throw new GitUsageError(`${cwd} is not inside a git repository: compare --base needs one (or compare two results files: compare BASE.json HEAD.json)`);
  return r.stdout.trim();
}
async function resolveCommit(root, ref2) {
  if (ref2.startsWith("-")) throw new GitUsageError(`invalid ref ${JSON.stringify(ref2)}: a ref cannot start with "-"`);
  const r = await git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref2}^{commit}`]);
  if (r.code === 0) return r.stdout.trim();
  const head = await git(root, ["rev-parse", "--verify", "--quiet", "HEAD"]);
  if (head.code !== 0) throw new GitUsageError(`the repository at ${root} has no commits yet: there is no base to compare against`);
  const shallow = existsSync2(join(root, ".git", "shallow")) || (await git(root, ["rev-parse", "--is-shallow-repository"])).stdout.trim() === "true";
  throw new GitUsageError(
    `unknown git ref ${JSON.stringify(ref2)} in ${root}${shallow ? " (this is a shallow clone: fetch the base, e.g. actions/checkout with fetch-depth: 0)" : " (check the branch name, or fetch it first)"}`
  );
}
async function isDirty(root) {
  const r = await git(root, ["status", "--porcelain", "--untracked-files=normal"]);
  return r.code === 0 && r.stdout.trim() !== "";
}

// src/git/prepare.ts
import { spawn } from "node:child_process";
init_repository_env();
var TAIL_CHARS = 4e3;
var TAIL_LINES = 30;
function outputTail(text) {
  const lines = text.replace(/\s+$/, "").split(/\r?\n/);
  return lines.slice(-TAIL_LINES).join("\n").slice(-TAIL_CHARS);
}
async function runPrepare(command, cwd, tree, options = {}) {
  const started = performance.now();
  const where = `${tree} tree${options.label ? ` (${options.label})` : ""} at ${cwd}`;
  const child = spawn(command, { cwd, shell: true, detached: true, stdio: ["ignore", "pipe", "pipe"], env: repositoryEnv({ CI: process.env.CI ?? "" }) });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString("utf8")).slice(-TAIL_CHARS * 4);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const killGroup2 = () => {
    try {
      if (child.pid !== void 0) process.kill(-child.pid, "SIGKILL");
    } catch {
    }
  };
  let reason;
  const onAbort = () => {
    reason = "was interrupted";
    killGroup2();
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const timer = options.timeoutMs ? setTimeout(() => {
    reason = `did not finish within ${Math.round(options.timeoutMs / 1e3)} s`;
    killGroup2();
  }, options.timeoutMs) : void 0;
  const exit = await new Promise((resolve6) => {
    child.once("error", (error) => resolve6({ code: null, signal: null, error }));
    child.once("close", (code, signal) => resolve6({ code, signal }));
  });
  clearTimeout(timer);
  options.signal?.removeEventListener("abort", onAbort);
  killGroup2();
  if (exit.code === 0 && !reason) return { elapsedMs: performance.now() - started };
  const how = reason ?? (exit.error ? `could not start (${exit.error.message})` : exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`);
  throw new PrepareError(tree, cwd, `prepare command ${JSON.stringify(command)} ${how} in the ${where}`, outputTail(output));
}

// src/git/worktree.ts
init_repository_env();
import { execFileSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
var live2 = /* @__PURE__ */ new Map();
var SIGNALS2 = ["SIGINT", "SIGTERM", "SIGHUP"];
var handlersInstalled = false;
function removeSync(path, root) {
  try {
    execFileSync("git", ["worktree", "remove", "--force", path], { cwd: root, stdio: "ignore", env: repositoryEnv() });
  } catch {
  }
  rmSync(dirnameOf(path), { recursive: true, force: true });
  try {
    execFileSync("git", ["worktree", "prune"], { cwd: root, stdio: "ignore", env: repositoryEnv() });
  } catch {
  }
  live2.delete(path);
}
function dirnameOf(path) {
  return join2(path, "..");
}
function removeAllSync() {
  for (const [path, root] of [...live2]) removeSync(path, root);
}
function onSignal(signal) {
  removeAllSync();
  if (process.listenerCount(signal) <= 1) {
    uninstallHandlers();
    process.kill(process.pid, signal);
  }
}
function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const s of SIGNALS2) process.on(s, onSignal);
  process.on("exit", removeAllSync);
}
function uninstallHandlers() {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  for (const s of SIGNALS2) process.off(s, onSignal);
  process.off("exit", removeAllSync);
}
async function createWorktree(root, ref2, options = {}) {
  const sha = await resolveCommit(root, ref2);
  const parent = realpathSync(mkdtempSync(join2(tmpdir(), `concurrency-bench-${options.label ?? "base"}-`)));
  const path = join2(parent, "tree");
  live2.set(path, root);
  installHandlers();
  const added = await git(root, ["worktree", "add", "--detach", "--force", path, sha]);
  if (added.code !== 0) {
    removeSync(path, root);
    if (live2.size === 0) uninstallHandlers();
    throw new GitUsageError(`could not check out ${ref2} (${sha.slice(0, 12)}) into a temporary worktree: ${added.stderr.trim().split("\n").at(-1) ?? "git worktree add failed"}`);
  }
  let removed = false;
  return {
    path,
    sha,
    ref: ref2,
    async remove() {
      if (removed) return;
      removed = true;
      await git(root, ["worktree", "remove", "--force", path]);
      rmSync(parent, { recursive: true, force: true });
      await git(root, ["worktree", "prune"]);
      live2.delete(path);
      if (live2.size === 0) uninstallHandlers();
    }
  };
}

// src/measure/scheduler.ts
init_registry();
import { availableParallelism as availableParallelism3 } from "node:os";

// src/runtimes/visit.ts
import { spawn as spawn2 } from "node:child_process";
import { createInterface } from "node:readline";

// src/runtimes/affinity.ts
import { accessSync as accessSync2, constants as constants2, readFileSync as readFileSync2 } from "node:fs";
import { delimiter as delimiter2, join as join4 } from "node:path";
function parseCpuList(text) {
  const cpus2 = [];
  for (const part of text.trim().split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return [];
    const from = Number(m[1]);
    const to = m[2] === void 0 ? from : Number(m[2]);
    for (let c = from; c <= to; c++) cpus2.push(c);
  }
  return cpus2;
}
function allowedCpus() {
  try {
    const line2 = /^Cpus_allowed_list:\s*(.+)$/m.exec(readFileSync2("/proc/self/status", "utf8"));
    return line2 ? parseCpuList(line2[1]) : [];
  } catch {
    return [];
  }
}
var taskset;
function tasksetPath() {
  if (taskset !== void 0) return taskset;
  taskset = null;
  if (process.platform !== "linux") return taskset;
  for (const dir of (process.env.PATH ?? "").split(delimiter2).filter(Boolean)) {
    try {
      accessSync2(join4(dir, "taskset"), constants2.X_OK);
      taskset = join4(dir, "taskset");
      break;
    } catch {
    }
  }
  return taskset;
}
function pinned(command, args, cpus2) {
  const tool2 = cpus2 && cpus2.length > 0 ? tasksetPath() : null;
  if (!tool2) return { command, args: [...args] };
  return { command: tool2, args: ["-c", cpus2.join(","), command, ...args] };
}

// src/runtimes/visit.ts
init_repository_env();
init_types2();
var TAIL_BYTES = 8192;
function keepTail(stream) {
  let tail = Buffer.alloc(0);
  stream?.on("data", (chunk) => {
    tail = chunk.length >= TAIL_BYTES ? chunk.subarray(chunk.length - TAIL_BYTES) : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
  });
  return () => tail.toString("utf8");
}
function lastErrorLine(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/(Error|Exception|error:|Traceback|Killed|Aborted)/.test(lines[i]) && !/^\s*at /.test(lines[i])) return lines[i];
  }
  return lines.at(-1) ?? "";
}
async function runVisit(runtime, workload2, spec, options = {}) {
  const session = await startHost(runtime, workload2, spec, options);
  return "finished" in session ? session.finished : session;
}
async function startHost(runtime, workload2, spec, options = {}) {
  const started = performance.now();
  const outcome = { status: "crashed", samples: [], elapsedMs: 0 };
  let command;
  try {
    command = await runtime.hostCommand(workload2, spec);
  } catch (error) {
    if (error instanceof RuntimeUnavailableError) return { ...outcome, status: "unavailable", error: error.message };
    throw error;
  }
  if (options.signal?.aborted) return { ...outcome, status: "aborted", error: "interrupted" };
  const run2 = pinned(command.command, command.args, options.cpus);
  const child = spawn2(run2.command, run2.args, {
    cwd: command.cwd,
    env: repositoryEnv({ ...command.env, [VISIT_ENV]: JSON.stringify(spec) }),
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    detached: true
  });
  if (child.pid !== void 0) trackGroup(child.pid);
  const stderrTail = keepTail(child.stderr);
  child.stdout?.resume();
  let failure;
  let done = false;
  let ended = false;
  const kill = () => {
    if (child.pid !== void 0) killGroup(child.pid);
  };
  const onAbort = () => {
    failure ??= { status: "aborted", message: "interrupted" };
    kill();
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const hardTimer = options.hardTimeoutMs ? setTimeout(() => {
    failure ??= { status: "timed-out", message: `host gave no result within ${Math.round(options.hardTimeoutMs / 1e3)} s` };
    kill();
  }, options.hardTimeoutMs) : void 0;
  let silenceTimer;
  const expectAnswer = () => {
    if (!options.silenceLimitMs || ended) return;
    if (silenceTimer) {
      silenceTimer.refresh();
      return;
    }
    silenceTimer = setTimeout(() => {
      failure ??= { status: "stalled", message: `the host sent nothing for ${(options.silenceLimitMs / 1e3).toFixed(1)} s` };
      kill();
    }, options.silenceLimitMs);
  };
  const idle = () => {
    clearTimeout(silenceTimer);
    silenceTimer = void 0;
  };
  expectAnswer();
  let settleReady = () => {
  };
  const ready = new Promise((resolve6) => settleReady = resolve6);
  let waiting;
  const settleWaiting = (sample) => {
    const resolve6 = waiting;
    waiting = void 0;
    resolve6?.(sample);
  };
  const protocol = child.stdio[3];
  protocol.on("error", () => {
  });
  const lines = createInterface({ input: protocol });
  lines.on("error", () => {
  });
  lines.on("line", (line2) => {
    expectAnswer();
    let message;
    try {
      message = JSON.parse(line2);
    } catch {
      return;
    }
    switch (message.type) {
      case "hello":
        outcome.env = message.env;
        break;
      case "ready":
        outcome.startupMs = message.startupMs;
        if (spec.stepped) idle();
        settleReady(true);
        break;
      case "warmed":
        outcome.warmup = { ms: message.warmupMs, settled: message.settled };
        break;
      case "sample": {
        const sample = {
          wallMs: message.wallMs,
          tasks: message.tasks,
          cpuMs: message.cpuMs,
          ...typeof message.taskCpuMs === "number" ? { taskCpuMs: message.taskCpuMs } : {},
          ...typeof message.poolCpuMs === "number" ? { poolCpuMs: message.poolCpuMs } : {},
          latenciesMs: message.latenciesMs,
          ...typeof message.runQueueMs === "number" ? { runQueueMs: message.runQueueMs } : {},
          ...typeof message.machineTicks?.busy === "number" && typeof message.machineTicks.steal === "number" ? { machineTicks: { busy: message.machineTicks.busy, steal: message.machineTicks.steal } } : {},
          ...typeof message.peakRssBytes === "number" && Number.isFinite(message.peakRssBytes) ? { peakRssBytes: message.peakRssBytes } : {}
        };
        outcome.samples.push(sample);
        if (spec.stepped) {
          hardTimer?.refresh();
          idle();
        }
        settleWaiting(sample);
        break;
      }
      case "done":
        outcome.peakRssBytes = message.peakRssBytes;
        done = true;
        break;
      case "failure":
        failure ??= { status: message.status, message: message.message };
        settleWaiting(null);
        setTimeout(kill, 200).unref();
        break;
    }
  });
  const send = (message) => {
    if (!ended && protocol.writable) {
      expectAnswer();
      protocol.write(JSON.stringify(message) + "\n");
    }
  };
  const finished = (async () => {
    const exit = await new Promise((resolve6) => {
      child.once("error", (error) => resolve6({ code: null, signal: null, spawnError: error }));
      child.once("close", (code, signal) => resolve6({ code, signal }));
    });
    ended = true;
    clearTimeout(hardTimer);
    clearTimeout(silenceTimer);
    options.signal?.removeEventListener("abort", onAbort);
    kill();
    settleReady(false);
    settleWaiting(null);
    outcome.elapsedMs = performance.now() - started;
    if (exit.spawnError) {
      return Object.assign(outcome, { status: "unavailable", error: `could not start ${command.command}: ${exit.spawnError.message}` });
    }
    if (failure) return Object.assign(outcome, { status: failure.status, error: failure.message });
    if (done || spec.mode === "probe" && outcome.env && exit.code === 0) return Object.assign(outcome, { status: "ok" });
    const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const detail = lastErrorLine(stderrTail());
    const phase = outcome.startupMs === void 0 ? "while starting" : "during the measurement (a task called process.exit() or crashed it)";
    return Object.assign(outcome, { status: "crashed", error: `host process ${how} ${phase}${detail ? `: ${detail}` : ""}` });
  })();
  return {
    outcome,
    ready,
    finished,
    kill,
    batch() {
      if (ended || failure) return Promise.resolve(null);
      return new Promise((resolve6) => {
        waiting = resolve6;
        send({ type: "batch" });
      });
    },
    stop() {
      if (!ended && protocol.writable) {
        expectAnswer();
        protocol.end();
      }
    }
  };
}

// src/measure/scheduler.ts
init_types();

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
  let x = start;
  let tasks = 0;
  let wall = 0;
  for (const b of batches) {
    tasks += b.tasks;
    wall += b.wallMs;
    x += b.wallMs;
    if (wall >= width * 0.999) {
      out.push({ x, y: tasks / wall });
      tasks = 0;
      wall = 0;
    }
  }
  if (wall > 0) out.push({ x, y: tasks / wall });
  return out;
}
function recentRise(batches) {
  let t = 0;
  const points = batches.map((b) => {
    t += b.wallMs;
    return { x: t, y: b.wallMs > 0 ? b.tasks / b.wallMs : 0 };
  });
  const batchesRecent = points.filter((p) => p.x > t / 2);
  if (batchesRecent.length < TREND_BATCHES) return void 0;
  const recent = binned(batches.slice(batches.length - batchesRecent.length), t / 2);
  const slopes = [];
  for (let i = 0; i < recent.length; i++) {
    for (let j = i + 1; j < recent.length; j++) {
      if (recent[j].x > recent[i].x) slopes.push((recent[j].y - recent[i].y) / (recent[j].x - recent[i].x));
    }
  }
  const ys = recent.map((p) => p.y).sort((a, b) => a - b);
  const level = ys[Math.floor(ys.length / 2)];
  if (slopes.length === 0 || level === 0) return 0;
  slopes.sort((a, b) => a - b);
  const slope = slopes.length % 2 === 1 ? slopes[(slopes.length - 1) / 2] : (slopes[slopes.length / 2 - 1] + slopes[slopes.length / 2]) / 2;
  return slope * Math.max(t / 2, TREND_HORIZON_MS) / level;
}
function warmupDecision(batches, elapsedMs, minMs, maxMs) {
  if (elapsedMs >= maxMs) return { done: true, settled: false };
  if (elapsedMs < minMs) return { done: false };
  const rise = recentRise(batches);
  return rise !== void 0 && rise < SETTLE_GAIN ? { done: true, settled: true } : { done: false };
}

// src/measure/scheduler.ts
function cellKey(workload2, model2, concurrency) {
  return `${workload2}\0${model2}\0${concurrency}`;
}
function planCells(workload2, models) {
  return workload2.models.filter((m) => models.includes(m)).flatMap((model2) => workload2.concurrency[model2].map((concurrency) => ({ workload: workload2, model: model2, concurrency, key: cellKey(workload2.name, model2, concurrency) })));
}
var WARMUP_TIME_MS = 60;
var WARMUP_CAP_SHARE = 0.02;
var WARMUP_CAP_MIN_MS = 250;
var WARMUP_CAP_MAX_MS = 5e3;
var DISPATCH_MS = { sequential: 0, async: 0, thread: 0.04, process: 0.04, "thread+async": 0.04, "process+async": 0.04 };
var COMPUTES_AT = 0.5;
var ASYNC_FUTILE_AT = 0.95;
var FUTILE_MIN_BATCH_MS = 5;
var MIN_FAILED_VISIT_MS = 300;
var RUN_BATCH_MS = 30;
var FIRST_VISIT_BATCHES = 6;
var LATER_VISIT_BATCHES = 3;
var MAX_SAMPLE_TIME_MS = 500;
var PLANNED_ROUNDS = 3;
var BUDGET_ALLOWANCE_SHARE = 0.05;
var STALL_FACTOR = 4;
var STALL_MIN_MS = 1e4;
var STALLS_BEFORE_FAILURE = 2;
function stallLimitMs(expectedMs, minMs = STALL_MIN_MS) {
  return Math.max(minMs, STALL_FACTOR * expectedMs);
}
function guessedFixedMs(model2, concurrency, hostMs, cores) {
  switch (model2) {
    case "sequential":
    case "async":
      return hostMs;
    case "thread":
      return hostMs + 50 + 40 * concurrency;
    case "process":
      return hostMs + 80 + hostMs * 0.6 * concurrency;
    // A hybrid starts one worker per core, however many tasks it has in flight.
    case "thread+async":
      return hostMs + 50 + 40 * hybridLayout(concurrency, cores).workers;
    case "process+async":
      return hostMs + 80 + hostMs * 0.6 * hybridLayout(concurrency, cores).workers;
  }
}
var VisitCosts = class {
  fixedByCell = /* @__PURE__ */ new Map();
  fixedByModel = /* @__PURE__ */ new Map();
  hostMs = /* @__PURE__ */ new Map();
  warmupByCell = /* @__PURE__ */ new Map();
  warmupCapMs;
  cores;
  constructor(warmupCapMs, cores) {
    this.warmupCapMs = warmupCapMs;
    this.cores = cores;
  }
  modelKey(cell2) {
    return `${cell2.workload.name}\0${cell2.model}`;
  }
  /** Learn from a finished visit: its wall time less what it spent in batches is its fixed cost. */
  learn(cell2, outcome, warmupMs, calibration = false) {
    if (outcome.status !== "ok") return;
    const measuredWall = outcome.samples.reduce((sum, s) => sum + s.wallMs, 0);
    if (outcome.warmup) this.warmupByCell.set(cell2.key, outcome.warmup.ms);
    const fixed = Math.max(0, outcome.elapsedMs - measuredWall - (outcome.warmup?.ms ?? warmupMs));
    if (calibration) {
      this.hostMs.set(cell2.workload.name, fixed);
      return;
    }
    this.fixedByCell.set(cell2.key, fixed);
    this.fixedByModel.set(this.modelKey(cell2), Math.max(fixed, (this.fixedByModel.get(this.modelKey(cell2)) ?? fixed) * 0.8));
  }
  fixedMs(cell2) {
    const known = this.fixedByCell.get(cell2.key);
    if (known !== void 0) return known;
    const host = this.hostMs.get(cell2.workload.name) ?? 300;
    const byModel = this.fixedByModel.get(this.modelKey(cell2));
    const guess = guessedFixedMs(cell2.model, cell2.concurrency, host, this.cores);
    return byModel !== void 0 ? Math.max(byModel, guess * 0.5) : guess;
  }
  /**
   * Expected wall time of a visit measuring `batches` batches for at least `sampleTimeMs`. Warm-up:
   * the cell's own last one, else the fewest batches the settle rule needs (warmup.ts), within the cap.
   */
  visitMs(cell2, sampleTimeMs, batches, oneBatchMs) {
    const warmup = this.warmupByCell.get(cell2.key) ?? Math.min(this.warmupCapMs, Math.max(WARMUP_TIME_MS, 2 * TREND_BATCHES * oneBatchMs, TREND_HORIZON_MS));
    return this.fixedMs(cell2) + warmup + Math.max(sampleTimeMs, batches * oneBatchMs) + oneBatchMs;
  }
};
function visitSpec(cell2, sampleTimeMs, mode = "measure", minBatches = 2, batchTasks) {
  const { workload: workload2 } = cell2;
  return {
    mode,
    workload: {
      name: workload2.name,
      modulePath: workload2.modulePath,
      function: workload2.function,
      tasks: batchTasks === void 0 ? workload2.tasks : Math.max(1, Math.min(workload2.tasks, batchTasks)),
      timeoutMs: workload2.timeoutMs,
      ...workload2.startMethod ? { startMethod: workload2.startMethod } : {}
    },
    model: cell2.model,
    concurrency: cell2.concurrency,
    ...isHybrid(cell2.model) ? { workers: hybridLayout(cell2.concurrency, availableParallelism3()).workers } : {},
    warmupBatches: 1,
    warmupTimeMs: WARMUP_TIME_MS,
    minBatches,
    maxBatches: 50,
    sampleTimeMs
  };
}
var seconds = (ms) => `${(ms / 1e3).toFixed(ms < 1e4 ? 1 : 0)} s`;
async function measureInRounds(cells, options) {
  const cores = options.cores ?? availableParallelism3();
  const maxRounds = options.maxRounds ?? 12;
  const random = mulberry32(options.seed);
  const visits = new Map(cells.map((c) => [c.key, []]));
  const skipped = /* @__PURE__ */ new Map();
  const started = performance.now();
  let deadline = started + options.budgetMs;
  const warmupCapMs = Math.round(Math.min(WARMUP_CAP_MAX_MS, Math.max(WARMUP_CAP_MIN_MS, WARMUP_CAP_SHARE * options.budgetMs)));
  const costs = new VisitCosts(warmupCapMs, cores);
  const runtimeOf = (cell2) => (options.runtimes ?? runtimeFor)(cell2.workload.runtime);
  let allowanceMs = Math.max(BUDGET_ALLOWANCE_SHARE * options.budgetMs, 1e3);
  const backstop = new AbortController();
  let backstopTimer;
  const armBackstop = () => {
    clearTimeout(backstopTimer);
    backstopTimer = setTimeout(() => backstop.abort(), Math.max(0, deadline + allowanceMs - performance.now()));
    backstopTimer.unref();
  };
  armBackstop();
  const signal = options.signal ? AbortSignal.any([options.signal, backstop.signal]) : backstop.signal;
  const interrupted = () => options.signal?.aborted ?? false;
  const fits = (ms) => performance.now() + ms <= deadline;
  const visit = async (cell2, spec, expectedMs, watched = false) => {
    if (expectedMs > allowanceMs) {
      allowanceMs = expectedMs;
      armBackstop();
    }
    const silenceLimitMs = watched ? stallLimitMs(expectedMs, options.stallMinMs) : void 0;
    return runVisit(runtimeOf(cell2), cell2.workload, spec, { signal, silenceLimitMs });
  };
  const stalls = /* @__PURE__ */ new Map();
  const undecidedHybrids = new Set(cells.filter((c) => isHybrid(c.model) && hybridsGated(cells.filter((o) => o.workload === c.workload).map((o) => o.model))).map((c) => c.workload.name));
  const awaitsSigns = (cell2) => isHybrid(cell2.model) && undecidedHybrids.has(cell2.workload.name);
  const toJoin = /* @__PURE__ */ new Set();
  let specOf = (cell2, sampleTimeMs, batches) => ({ ...visitSpec(cell2, sampleTimeMs, "measure", batches), warmupMaxMs: warmupCapMs });
  let costOf = (cell2) => costs.visitMs(cell2, 0, FIRST_VISIT_BATCHES, RUN_BATCH_MS);
  try {
    const oneTaskMs = /* @__PURE__ */ new Map();
    const failedBaseline = /* @__PURE__ */ new Map();
    const computes = /* @__PURE__ */ new Set();
    const computesOnly = /* @__PURE__ */ new Set();
    const sequentialCells = cells.filter((c) => c.model === "sequential" && c.concurrency === 1);
    for (const cell2 of sequentialCells) {
      if (interrupted()) break;
      const spec = { ...visitSpec(cell2, 0, "measure", 1, CALIBRATION_TASKS), warmupTimeMs: 0 };
      const expected = costs.visitMs(cell2, 0, 2, 0);
      if (!fits(expected)) break;
      const outcome = await visit(cell2, spec, expected);
      costs.learn(cell2, outcome, outcome.samples[0]?.wallMs ?? 0, true);
      if (outcome.status === "ok") {
        oneTaskMs.set(cell2.workload.name, taskMs(outcome));
        const wall = outcome.samples.reduce((sum, b) => sum + b.wallMs, 0);
        const cpu = outcome.samples.reduce((sum, b) => sum + (b.taskCpuMs ?? b.cpuMs), 0);
        if (wall > 0 && cpu / wall >= COMPUTES_AT) computes.add(cell2.workload.name);
        const queued = outcome.samples.reduce((sum, b) => sum + (b.runQueueMs ?? 0), 0);
        const consistent = wall >= FUTILE_MIN_BATCH_MS && cpu + queued <= 1.1 * wall;
        if (consistent && cpu / Math.max(cpu, wall - queued) >= ASYNC_FUTILE_AT) computesOnly.add(cell2.workload.name);
      } else if (outcome.status !== "aborted") {
        visits.get(cell2.key).push(outcome);
        failedBaseline.set(cell2.workload.name, Math.max(MIN_FAILED_VISIT_MS, outcome.elapsedMs));
      }
    }
    const reportOnly = (cell2) => failedBaseline.has(cell2.workload.name);
    for (const name of failedBaseline.keys()) undecidedHybrids.delete(name);
    const batchTasks = (cell2) => batchTasksFor(cell2.workload.tasks, cell2.concurrency, oneTaskMs.get(cell2.workload.name) ?? Number.NaN, RUN_BATCH_MS);
    const learnedBatchMs = (cell2) => {
      const learned = visits.get(cell2.key).flatMap((v) => v.samples);
      return learned.length > 0 ? learned.reduce((sum, s) => sum + s.wallMs * batchTasks(cell2) / s.tasks, 0) / learned.length : void 0;
    };
    const oneBatchMs = (cell2) => {
      const learned = learnedBatchMs(cell2);
      if (learned !== void 0) return learned;
      const one = oneTaskMs.get(cell2.workload.name);
      if (one === void 0 || !(one > 0)) return Number.NaN;
      const tasks = batchTasks(cell2);
      const overlap = !computes.has(cell2.workload.name) ? Math.min(cell2.concurrency, tasks) : cell2.model === "async" ? 1 : Math.min(cell2.concurrency, tasks, cores);
      return tasks * Math.max(one, DISPATCH_MS[cell2.model]) / overlap;
    };
    const batchRepeat = (cell2) => {
      const one = oneTaskMs.get(cell2.workload.name);
      const batch = learnedBatchMs(cell2) ?? (one !== void 0 && one > 0 ? batchTasks(cell2) * Math.max(one, DISPATCH_MS[cell2.model]) : Number.NaN);
      return batch > 0 ? Math.max(1, Math.min(MAX_SAMPLE_REPEAT, Math.floor(RUN_BATCH_MS / batch))) : 1;
    };
    const batchMsOf = (cell2) => {
      const batch = oneBatchMs(cell2);
      return Number.isFinite(batch) ? batchRepeat(cell2) * batch : RUN_BATCH_MS;
    };
    specOf = (cell2, sampleTimeMs2, batches) => {
      const repeat = batchRepeat(cell2);
      return { ...visitSpec(cell2, sampleTimeMs2, "measure", batches, batchTasks(cell2)), warmupMaxMs: warmupCapMs, minSampleMs: RUN_BATCH_MS, ...repeat > 1 ? { batchRepeat: repeat } : {} };
    };
    costOf = (cell2) => costs.visitMs(cell2, 0, FIRST_VISIT_BATCHES, batchMsOf(cell2));
    const healthy = (cell2) => visits.get(cell2.key).every((v) => v.status === "ok" || v.status === "aborted");
    const inCoarseSweep = (cell2) => coarseLevels(cell2.model, levelsOf(cells, cell2), cores).includes(cell2.concurrency);
    const coarse = cells.filter((cell2) => inCoarseSweep(cell2) && !(awaitsSigns(cell2) && computesOnly.has(cell2.workload.name)));
    for (const cell2 of cells) {
      if (cell2.model !== "async" || !computesOnly.has(cell2.workload.name) || cell2.concurrency === Math.max(...levelsOf(cells, cell2))) continue;
      const share = Math.round(ASYNC_FUTILE_AT * 100);
      skipped.set(cell2.key, `its task computed over ${share}% of the time in calibration: on one thread async can beat sequential by ${Math.round((1 / ASYNC_FUTILE_AT - 1) * 100)}% at most, so only its far end is measured`);
    }
    let active = coarse.filter((cell2) => healthy(cell2) && !skipped.has(cell2.key));
    const firstVisitMs = (cell2, sampleTimeMs2) => reportOnly(cell2) ? failedBaseline.get(cell2.workload.name) : costs.visitMs(cell2, sampleTimeMs2, FIRST_VISIT_BATCHES, batchMsOf(cell2));
    const remaining = () => deadline - performance.now();
    const position = (cell2) => cells.filter((c) => c.workload === cell2.workload).indexOf(cell2);
    const rankOf = (cell2) => coarseRank(cell2, cores, levelsOf(cells, cell2), oneTaskMs.has(cell2.workload.name) && !computes.has(cell2.workload.name));
    const modelOrder = (cell2) => cell2.model === "async" && computes.has(cell2.workload.name) ? MODELS.indexOf("process") + 0.5 : MODELS.indexOf(cell2.model);
    const byRank = [...active].sort((a, b) => rankOf(a) - rankOf(b) || modelOrder(a) - modelOrder(b) || position(a) - position(b));
    const sweepMs = () => byRank.reduce((sum, c) => sum + firstVisitMs(c, 0), 0);
    const others = (cell2) => byRank.filter((c) => c.workload === cell2.workload && c.model !== "sequential").length;
    const kept = (cell2) => cell2.model === "sequential" ? others(cell2) > 0 : others(cell2) === 1;
    const reserveMs = Math.max(0, options.reserveMs ?? 0);
    while (byRank.length > 0 && sweepMs() > remaining()) {
      const spare = sweepMs() <= remaining() + reserveMs ? byRank.findLastIndex((c) => !kept(c)) : byRank.length - 1;
      if (spare < 0) break;
      const [dropped] = byRank.splice(spare, 1);
      skipped.set(
        dropped.key,
        byRank.length > 0 ? `the budget did not allow one visit of every cell of the coarse sweep; this one ranks last (the sweep's share of the budget: ${seconds(options.budgetMs)})` : `after calibration ${seconds(Math.max(0, remaining()))} of the sweep's ${seconds(options.budgetMs)} (its share of the budget) was left, less than its first visit was expected to take, ${seconds(firstVisitMs(dropped, 0))}`
      );
    }
    active = active.filter((c) => !skipped.has(c.key));
    let reserveLeftMs = reserveMs;
    const borrow = (ms) => {
      const borrowed = Math.min(reserveLeftMs, Math.max(0, ms));
      if (borrowed <= 0) return;
      reserveLeftMs -= borrowed;
      deadline += borrowed;
      armBackstop();
    };
    borrow(sweepMs() - remaining());
    const leads = new Set(active.filter((c) => c.model !== "sequential" && byRank.find((o) => o.workload === c.workload && o.model !== "sequential") === c).map((c) => c.key));
    const planSampleTime = (roundsLeft) => {
      const fixed = active.reduce((sum, c) => sum + firstVisitMs(c, 0), 0);
      const spare = (remaining() / roundsLeft - fixed) / Math.max(1, active.length);
      return Math.round(Math.min(MAX_SAMPLE_TIME_MS, Math.max(0, spare)));
    };
    let sampleTimeMs = planSampleTime(PLANNED_ROUNDS);
    const decideHybrids = (name, settledCell) => {
      const own = cells.filter((c) => c.workload.name === name);
      const signs = hybridSigns(own, visits, (model2) => own.filter((c) => c.model === model2 && inCoarseSweep(c) && settledCell(c)).every((c) => skipped.has(c.key) || visits.get(c.key).length > 0));
      if (signs.state === "pending") return "pending";
      undecidedHybrids.delete(name);
      if (signs.state === "measure") toJoin.add(name);
      if (signs.state === "skip" || signs.state === "unshown") {
        const hybrids = own.filter((c) => isHybrid(c.model));
        for (const cell2 of hybrids) skipped.set(cell2.key, signs.state === "skip" ? `${NO_USE_FOR_HYBRIDS}${signs.reason}` : signs.reason);
        active = active.filter((c) => !hybrids.includes(c));
      }
      return signs.state;
    };
    let doubtful = /* @__PURE__ */ new Set();
    for (let round2 = 1; round2 <= maxRounds && active.length > 0 && !interrupted(); round2++) {
      const measuredYet = (cell2) => visits.get(cell2.key).some((v) => v.samples.length > 0);
      const showsSigns = (cell2) => !isHybrid(cell2.model) && undecidedHybrids.has(cell2.workload.name) && !computesOnly.has(cell2.workload.name) && rankOf(cell2) <= 1;
      const group = (cell2) => cell2.model === "sequential" ? 0 : measuredYet(cell2) ? 5 : leads.has(cell2.key) ? 0.5 : showsSigns(cell2) ? 0.75 : 1 + rankOf(cell2);
      const byGroup = withHybridsAfterTheirSigns(
        shuffled(active, random).sort((a, b) => group(a) - group(b)),
        awaitsSigns,
        (cell2) => rankOf(cell2) <= 1
      );
      const order = withDoubtfulFirst(byGroup, doubtful, cells);
      let done = 0;
      let visited = 0;
      for (const cell2 of order) {
        if (interrupted()) break;
        if (awaitsSigns(cell2) && decideHybrids(cell2.workload.name, (c) => rankOf(c) <= 1) !== "measure") continue;
        if (!active.includes(cell2)) continue;
        const first = visits.get(cell2.key).every((v) => v.samples.length === 0);
        const batches = reportOnly(cell2) ? 1 : first ? FIRST_VISIT_BATCHES : LATER_VISIT_BATCHES;
        const expected = reportOnly(cell2) ? firstVisitMs(cell2, 0) : costs.visitMs(cell2, sampleTimeMs, batches, batchMsOf(cell2));
        const ledBaseline = cell2.model === "sequential" && active.some((c) => leads.has(c.key) && c.workload === cell2.workload);
        const mayBorrow = first && (leads.has(cell2.key) || ledBaseline || isHybrid(cell2.model) && inCoarseSweep(cell2));
        if (!fits(expected)) {
          if (!(mayBorrow && performance.now() + expected <= deadline + reserveLeftMs)) continue;
          borrow(performance.now() + expected - deadline);
        }
        const spec = specOf(cell2, sampleTimeMs, batches);
        const outcome = await visit(cell2, spec, expected, true);
        visited++;
        if (outcome.status === "stalled") {
          const count = (stalls.get(cell2.key) ?? 0) + 1;
          stalls.set(cell2.key, count);
          const expectedS = (expected / 1e3).toFixed(1);
          if (count >= STALLS_BEFORE_FAILURE) visits.get(cell2.key).push({ ...outcome, status: "timed-out", error: `${outcome.error} on ${count} visits (each expected to take about ${expectedS} s)` });
          else if (outcome.samples.length > 0) visits.get(cell2.key).push({ ...outcome, status: "aborted" });
          options.onVisit?.({ round: round2, done: ++done, total: order.length, cell: cell2, outcome: { ...outcome, error: `${outcome.error} (expected about ${expectedS} s): stopped` } });
          continue;
        }
        visits.get(cell2.key).push(outcome);
        costs.learn(cell2, outcome, Math.max(WARMUP_TIME_MS, batchMsOf(cell2)));
        options.onVisit?.({ round: round2, done: ++done, total: order.length, cell: cell2, outcome });
      }
      active = active.filter((cell2) => healthy(cell2) && !(reportOnly(cell2) && visits.get(cell2.key).length > 0));
      await options.onRound?.(round2, visits);
      if (visited === 0 || interrupted()) break;
      doubtful = options.doubtful?.(visits) ?? /* @__PURE__ */ new Set();
      for (const name of [...undecidedHybrids]) decideHybrids(name, () => true);
      for (const name of [...toJoin]) {
        toJoin.delete(name);
        const own = cells.filter((c) => c.workload.name === name);
        const hybrids = own.filter((c) => isHybrid(c.model));
        const best = bestLevels(cells, visits);
        const retirable = active.filter((c) => c.workload.name === name && c.model !== "sequential" && !isHybrid(c.model) && measuredYet(c)).filter((c) => best.get(`${name}\0${c.model}`) !== c.concurrency).sort((a, b) => rankOf(b) - rankOf(a));
        const joining = hybrids.filter((c) => inCoarseSweep(c) && !active.includes(c) && visits.get(c.key).length === 0).sort((a, b) => rankOf(a) - rankOf(b));
        if (joining.length === 0) continue;
        const cost = (list) => list.reduce((sum, c) => sum + firstVisitMs(c, sampleTimeMs), 0);
        while (retirable.length > 0 && cost([...active, ...joining]) > remaining()) {
          const retired = retirable.shift();
          active = active.filter((c) => c !== retired);
        }
        let onReserveMs = 0;
        for (const cell2 of joining) {
          const firstMs = firstVisitMs(cell2, sampleTimeMs);
          const fitsOwn = cost([...active, cell2]) <= remaining();
          if (fitsOwn || onReserveMs + firstMs <= reserveLeftMs) {
            if (!fitsOwn) onReserveMs += firstMs;
            active = [...active, cell2];
            skipped.delete(cell2.key);
          } else skipped.set(cell2.key, "the workload showed waits and parallel work, but the budget left no time for this hybrid layout");
        }
      }
      const measured = new Set(cells.filter((c) => visits.get(c.key).some((v) => v.samples.length > 0)).map((c) => c.key));
      const candidates = refineAround(cells, measured, bestLevels(cells, visits)).filter((c) => !active.includes(c) && healthy(c) && !skipped.has(c.key));
      for (const cell2 of candidates) {
        const next = [...active, cell2];
        if (next.reduce((sum, c) => sum + firstVisitMs(c, sampleTimeMs), 0) <= remaining()) active = next;
      }
      if (round2 < PLANNED_ROUNDS) sampleTimeMs = planSampleTime(PLANNED_ROUNDS - round2);
    }
  } finally {
    clearTimeout(backstopTimer);
  }
  for (const cell2 of cells) {
    if (skipped.has(cell2.key) || visits.get(cell2.key).length > 0) continue;
    if (interrupted()) skipped.set(cell2.key, "interrupted before its first visit");
    else if (awaitsSigns(cell2)) skipped.set(cell2.key, "the run ended before the coarse sweep showed whether the workload both waits and computes in parallel");
    else if (!coarseLevels(cell2.model, levelsOf(cells, cell2), cores).includes(cell2.concurrency)) skipped.set(cell2.key, "not in the coarse sweep, and no time was left to refine around the best level");
    else skipped.set(cell2.key, "no time was left for its first visit");
  }
  return { visits, skipped, allowanceMs, spec: (cell2) => specOf(cell2, 0, FIRST_VISIT_BATCHES), costMs: (cell2) => costOf(cell2) };
}
function withHybridsAfterTheirSigns(order, waiting, telling) {
  const held = order.filter(waiting);
  const out = order.filter((c) => !held.includes(c));
  for (const hybrid of held) {
    const last = out.findLastIndex((c) => c.workload === hybrid.workload && !waiting(c) && telling(c));
    const after = Math.max(last, out.findLastIndex((c) => c.workload === hybrid.workload && waiting(c)));
    const secondLevels = out.findIndex((c) => !telling(c));
    const at = after >= 0 ? after + 1 : secondLevels >= 0 ? secondLevels : out.length;
    out.splice(at, 0, hybrid);
  }
  return out;
}
function withDoubtfulFirst(order, doubtful, cells) {
  if (doubtful.size === 0) return [...order];
  const first = [];
  for (const cell2 of order) {
    if (!doubtful.has(cell2.key)) continue;
    const baseline = order.find((c) => c.workload === cell2.workload && c.model === "sequential" && !first.includes(c));
    first.push(cell2, ...baseline && cells.includes(baseline) ? [baseline] : []);
  }
  return [...first, ...order.filter((c) => !first.includes(c))];
}
function levelsOf(cells, cell2) {
  return cells.filter((c) => c.workload === cell2.workload && c.model === cell2.model).map((c) => c.concurrency);
}
function bestLevels(cells, visits) {
  const best = /* @__PURE__ */ new Map();
  for (const cell2 of cells) {
    const rates = (visits.get(cell2.key) ?? []).flatMap((v) => v.samples.map((s) => s.tasks / s.wallMs));
    if (rates.length === 0) continue;
    const rate2 = median(sortSamples(rates));
    const key = `${cell2.workload.name}\0${cell2.model}`;
    if (!best.has(key) || rate2 > best.get(key).rate) best.set(key, { level: cell2.concurrency, rate: rate2 });
  }
  return new Map([...best].map(([key, { level }]) => [key, level]));
}

// src/results/write.ts
import { existsSync as existsSync4, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname as dirname2, resolve as resolve2 } from "node:path";
var RESULTS_DIR_NAME = ".concurrency-bench";
function jsonText(data) {
  return JSON.stringify(data, null, 2) + "\n";
}
function writeJsonAtomic(path, data) {
  const dir = dirname2(path);
  mkdirSync(dir, { recursive: true });
  ignoreResultsDir(dir);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, jsonText(data));
  renameSync(temporary, path);
}
function ignoreResultsDir(dir) {
  for (let current = resolve2(dir); ; current = dirname2(current)) {
    if (basename(current) === RESULTS_DIR_NAME) {
      const gitignore = resolve2(current, ".gitignore");
      if (!existsSync4(gitignore)) {
        try {
          writeFileSync(gitignore, "*\n", { flag: "wx" });
        } catch (error) {
          if (error.code !== "EEXIST") throw error;
        }
      }
    }
    if (dirname2(current) === current) return;
  }
}

// src/measure/interleaved.ts
async function runInterleavedVisits(first, second, options = {}) {
  const [a, b] = await runInterleavedGroup([first, second], options);
  return [a, b];
}
async function runInterleavedGroup(sides, options = {}) {
  const sessions = [];
  const outcomes = async (failed) => {
    for (const s of sessions) s.stop();
    const done = await Promise.all(sessions.map((s) => s.finished));
    if (failed) done.push(failed);
    while (done.length < sides.length) done.push(void 0);
    return done;
  };
  for (const side2 of sides) {
    let started;
    try {
      started = await startHost(side2.runtime, side2.workload, { ...side2.spec, stepped: true }, options);
    } catch (error) {
      for (const s of sessions) s.kill();
      await Promise.all(sessions.map((s) => s.finished));
      throw error;
    }
    if (!("finished" in started)) return outcomes(started);
    sessions.push(started);
    if (!await started.ready) return outcomes();
  }
  const spec = sides[0].spec;
  const warm = sides.map((side2) => ({ spec: side2.spec, batches: [], ms: 0, done: false, settled: false }));
  const warmEnough = (w) => {
    const own = w.spec;
    if (w.batches.length < own.warmupBatches) return false;
    if (own.warmupMaxMs === void 0) return w.ms >= (own.warmupTimeMs ?? 0);
    if (own.warmupSettledMs !== void 0 && w.ms >= Math.max(own.warmupSettledMs, own.warmupTimeMs ?? 0)) {
      w.settled = true;
      return true;
    }
    const decision2 = warmupDecision(w.batches, w.ms, own.warmupTimeMs ?? 0, own.warmupMaxMs);
    if (decision2.done) w.settled = decision2.settled;
    return decision2.done;
  };
  while (!warm.every((w) => w.done)) {
    for (const [i, session] of sessions.entries()) {
      if (warm[i].done) continue;
      const sample = await session.batch();
      if (!sample) {
        for (const s of sessions) s.outcome.samples.splice(0);
        return outcomes();
      }
      warm[i].batches.push({ wallMs: sample.wallMs, tasks: sample.tasks });
      warm[i].ms += sample.wallMs;
      warm[i].done = warmEnough(warm[i]);
    }
  }
  sessions.forEach((session, i) => {
    if (warm[i].spec.warmupMaxMs !== void 0) session.outcome.warmup = { ms: warm[i].ms, settled: warm[i].settled };
  });
  for (const session of sessions) session.outcome.samples.splice(0);
  const forward = sessions.map((_, i) => i);
  const backward = [...forward].reverse();
  const measuredMs = sessions.map(() => 0);
  for (let step = 0; ; step++) {
    for (const i of step % 2 === 0 ? forward : backward) {
      const sample = await sessions[i].batch();
      if (!sample) return outcomes();
      measuredMs[i] += sample.wallMs;
    }
    const batches = step + 1;
    const enough = batches >= spec.minBatches && measuredMs.every((ms) => ms >= spec.sampleTimeMs);
    if (enough || batches >= spec.maxBatches) break;
  }
  return outcomes();
}

// src/measure/round-plan.ts
var MAX_PLANNED_ROUNDS = 60;
var FIRST_PLAN_ROUNDS = 20;
var DESCRIPTIVE_ROUNDS = FIRST_LOOK;
var SPREAD_MARGIN = 1.2;
var MIN_PLANNED_SPREAD = 5e-3;
var MIN_PLANNED_ROUNDS = 5;
function wantedRounds(d, rule, alphaEach) {
  const measured = summarizeRounds(d, ruleTrim(rule)).sd;
  const spread = Number.isFinite(measured) ? Math.max(MIN_PLANNED_SPREAD, measured * SPREAD_MARGIN) : null;
  let wanted = MAX_PLANNED_ROUNDS;
  if (spread !== null) {
    const first = roundsForPower(spread, 0.8 * alphaEach, rule, MAX_PLANNED_ROUNDS);
    wanted = roundsForPower(spread, plannedFinalLevel(Math.min(first, MAX_PLANNED_ROUNDS), alphaEach), rule, MAX_PLANNED_ROUNDS);
  }
  return { spread, wanted: Math.max(wanted, d.length, MIN_PLANNED_ROUNDS) };
}
function extendLooks(looks, have, total) {
  const passed = looks.filter((k) => k <= have);
  return [.../* @__PURE__ */ new Set([...passed, ...lookSchedule(FIRST_LOOK, total).filter((k) => k > have)])].sort((a, b) => a - b);
}
function plannedRounds(wanted, have) {
  return Math.min(wanted, have <= FIRST_LOOK ? FIRST_PLAN_ROUNDS : MAX_PLANNED_ROUNDS);
}
function firstLooks(planned) {
  return lookSchedule(FIRST_LOOK, Math.max(FIRST_LOOK, plannedRounds(planned, FIRST_LOOK)));
}
function replanAtLook(looks, d, rule, alphaEach) {
  const { wanted } = wantedRounds(d, rule, alphaEach);
  const planned = plannedRounds(Math.min(wanted, MAX_PLANNED_ROUNDS), d.length);
  const shrunk = planned < (looks.at(-1) ?? 0) ? extendLooks(looks, d.length, planned) : [...looks];
  return { wanted, planned, looks: shrunk };
}
function planRounds(primaries, descriptiveRoundMs, remainingMs, rule) {
  const alphaEach = rule.alpha / Math.max(1, primaries.length);
  const base = primaries.map((p) => ({ ...p, ...wantedRounds(p.d, rule, alphaEach), have: p.d.length }));
  const cost = (planned2) => base.reduce((sum, p, i) => sum + Math.max(0, planned2[i] - p.have) * p.roundMs, 0);
  const full = base.map((p) => Math.min(p.wanted, MAX_PLANNED_ROUNDS));
  const descriptiveMs = descriptiveRoundMs.reduce((sum, ms) => sum + ms * DESCRIPTIVE_ROUNDS, 0);
  let planned = full;
  let descriptiveRounds = DESCRIPTIVE_ROUNDS;
  if (cost(full) + descriptiveMs > remainingMs) {
    descriptiveRounds = 0;
    if (cost(full) > remainingMs) {
      let lo = 0;
      let hi = 1;
      const at = (f) => base.map((p, i) => p.have + Math.floor(f * Math.max(0, full[i] - p.have)));
      for (let k = 0; k < 30; k++) {
        const mid = (lo + hi) / 2;
        if (cost(at(mid)) <= remainingMs) lo = mid;
        else hi = mid;
      }
      planned = at(lo);
    }
  }
  const workloads = base.map((p, i) => {
    const level = plannedFinalLevel(Math.max(FIRST_LOOK, planned[i]), alphaEach);
    const detectable = p.spread === null ? null : detectableWithRounds(p.spread, Math.max(FIRST_LOOK, planned[i]), level, rule);
    return { workload: p.workload, spread: p.spread, wanted: p.wanted, planned: Math.max(planned[i], p.have), detectable: Number.isFinite(detectable) ? detectable : null, roundMs: p.roundMs };
  });
  return {
    workloads,
    descriptiveRounds,
    descriptiveCells: descriptiveRoundMs.length,
    estimatedMs: cost(planned) + (descriptiveRounds ? descriptiveMs : 0),
    capped: workloads.some((w) => w.planned < w.wanted)
  };
}
function describePlan(plan2, threshold2) {
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const rounds = [...new Set(plan2.workloads.map((w) => w.planned))];
  const cells = `${plan2.descriptiveCells} other cell${plan2.descriptiveCells === 1 ? "" : "s"}`;
  const head = `plan: ${plan2.workloads.length} workload${plan2.workloads.length === 1 ? "" : "s"}, ` + (rounds.length === 1 ? `${rounds[0]} rounds each` : plan2.workloads.map((w) => `${w.workload} ${w.planned}`).join(", ") + " rounds") + `, about ${Math.round(plan2.estimatedMs / 1e3)} s more, to detect ${pct(threshold2)} at 95% power` + (plan2.descriptiveCells === 0 ? "" : plan2.descriptiveRounds ? `; ${cells} ${plan2.descriptiveRounds} rounds each (not gating)` : `; no rounds left for the ${cells}`);
  const lines = [head];
  for (const w of plan2.workloads) {
    if (w.planned >= w.wanted) continue;
    const needs = w.wanted > MAX_PLANNED_ROUNDS ? `more than ${MAX_PLANNED_ROUNDS} rounds` : `${w.wanted} rounds`;
    lines.push(
      `  ${w.workload}: ${pct(threshold2)} is out of reach: it needs ${needs} at ${w.spread === null ? "unknown" : pct(w.spread)} per round, the budget pays for ${w.planned}` + (w.detectable !== null ? `; smallest change it can flag: ${pct(w.detectable)}` : "")
    );
  }
  return lines;
}

// src/stats/paired-batches.ts
function pairedBatchRates(base, head, time) {
  const pairs = [];
  for (let i = 0; i < Math.min(base.samples.length, head.samples.length); i++) {
    const b = base.samples[i];
    const h = head.samples[i];
    if (!(time(b) > 0 && time(h) > 0 && b.tasks > 0 && h.tasks > 0)) continue;
    pairs.push({ b, h, logRatio: Math.log(h.tasks / time(h) / (b.tasks / time(b))) });
  }
  if (pairs.length === 0) return { base: Number.NaN, head: Number.NaN };
  pairs.sort((x, y) => x.logRatio - y.logRatio);
  const trim = Math.floor(pairs.length / 6);
  const kept = pairs.slice(trim, pairs.length - trim);
  const rate2 = (pick) => kept.reduce((sum, p) => sum + pick(p).tasks, 0) / (kept.reduce((sum, p) => sum + time(pick(p)), 0) / 1e3);
  return { base: rate2((p) => p.b), head: rate2((p) => p.h) };
}

// src/measure/paired-rounds.ts
var PAIRED_WARMUP_BATCHES = 1;
var PAIRED_WARMUP_MS = 100;
var PAIRED_MIN_BATCHES = 6;
function pairedSpec(workload2, model2, concurrency, sampleTimeMs, batchTasks, batchRepeat) {
  const spec = visitSpec({ workload: workload2, model: model2, concurrency, key: "" }, sampleTimeMs);
  spec.warmupBatches = PAIRED_WARMUP_BATCHES;
  spec.warmupTimeMs = PAIRED_WARMUP_MS;
  spec.minBatches = Math.min(spec.maxBatches, PAIRED_MIN_BATCHES);
  if (batchTasks !== void 0) spec.workload.tasks = Math.max(1, Math.min(workload2.tasks, batchTasks));
  if (batchRepeat !== void 0 && batchRepeat > 1) spec.batchRepeat = batchRepeat;
  return spec;
}
var measureInterleaved = async (target, options) => {
  const { runtimeFor: runtimeFor2 } = await Promise.resolve().then(() => (init_registry(), registry_exports));
  const { model: model2, concurrency } = target.cell;
  const side2 = (tree) => {
    const workload2 = target[tree];
    return { runtime: runtimeFor2(workload2.runtime), workload: workload2, spec: pairedSpec(workload2, model2, concurrency, options.sampleTimeMs, target.batchTasks, target.batchRepeat) };
  };
  const second = options.first === "base" ? "head" : "base";
  const [a, b] = await runInterleavedVisits(side2(options.first), side2(second), {
    signal: options.signal,
    hardTimeoutMs: Math.max(target.base.timeoutMs, target.head.timeoutMs) + 6e4,
    cpus: options.cpus
  });
  return b ? { [options.first]: a, [second]: b } : { [options.first]: a };
};
function comparisonInputs(states) {
  return states.map((s) => {
    const input = { ...s.target.cell, roles: [...s.target.cell.roles], metric: s.target.metric ?? "throughput", rounds: s.rounds };
    if (s.target.primary) {
      input.primary = true;
      input.looks = s.looks ?? lookSchedule(FIRST_LOOK, Math.max(FIRST_LOOK, s.rounds.length));
      input.ended = s.stop === "planned" || s.stop === "budget";
    }
    if (s.failure) input.error = `${s.failure.tree}: ${s.failure.message}`;
    return input;
  });
}
var FIRST_ROUND_GUESS_MS = 2 * 400;
function gateInput(s) {
  const [input] = comparisonInputs([s]);
  return { d: pairedLogRatios(input), looks: input.looks, ended: input.ended ?? false, failed: s.failure !== void 0 };
}
async function runPairedRounds(targets, options) {
  const measureRound = options.measureRound ?? measureInterleaved;
  const cpus2 = options.cpus ?? allowedCpus();
  const random = mulberry32(options.settings.seed ^ 1540483477);
  const states = targets.map((target) => ({
    target,
    rounds: [],
    visits: { base: [], head: [] },
    lastRoundMs: options.estimateRoundMs?.(target) ?? FIRST_ROUND_GUESS_MS + 2 * options.sampleTimeMs,
    spentMs: 0
  }));
  const primaries = states.filter((s) => s.target.primary);
  const descriptive = states.filter((s) => !s.target.primary);
  const remaining = () => options.deadline - performance.now();
  const stopped = () => options.signal?.aborted ?? false;
  let round2 = 0;
  const measureOnce = async (list) => {
    const affordable = list.filter((s) => !s.failure && s.lastRoundMs <= remaining());
    if (affordable.length === 0 || stopped()) return false;
    round2++;
    const order = shuffled(affordable, random);
    let done = 0;
    for (const state of order) {
      if (stopped() || state.lastRoundMs > remaining()) continue;
      const { cell: cell2 } = state.target;
      const started = performance.now();
      const sides = random() < 0.5 ? ["base", "head"] : ["head", "base"];
      const cpu = state.target.pinToOneCpu && cpus2.length >= 2 ? [cpus2[Math.floor(random() * cpus2.length)]] : void 0;
      const sampleTimeMs = state.target.primary ? options.sampleTimeMs : options.descriptiveSampleTimeMs ?? options.sampleTimeMs;
      const outcomes = await measureRound(state.target, { first: sides[0], sampleTimeMs, signal: options.signal, cpus: cpu });
      for (const side2 of sides) {
        const outcome = outcomes[side2];
        if (!outcome) continue;
        if (outcome.status !== "aborted") state.visits[side2].push(outcome);
        options.onVisit?.({ round: round2, done: ++done, total: order.length * 2, label: `${side2} ${cell2.workload} ${cell2.model} x${cell2.concurrency}`, status: outcome.status });
        if (outcome.status !== "ok" && outcome.status !== "aborted") state.failure ??= { tree: side2, message: `${outcome.status}: ${outcome.error ?? "no detail"}` };
      }
      state.lastRoundMs = performance.now() - started;
      state.spentMs += state.lastRoundMs;
      const { base, head } = outcomes;
      if (base?.status === "ok" && head?.status === "ok") {
        const wall = pairedBatchRates(base, head, (s) => s.wallMs);
        const cpuRates = pairedBatchRates(base, head, (s) => s.cpuMs);
        const r = { base: wall.base, head: wall.head, baseCpuRate: cpuRates.base, headCpuRate: cpuRates.head };
        if (base.peakRssBytes) r.basePeakRssBytes = base.peakRssBytes;
        if (head.peakRssBytes) r.headPeakRssBytes = head.peakRssBytes;
        state.rounds.push(r);
      }
    }
    await options.onRound?.(round2, states);
    return true;
  };
  while (primaries.some((s) => !s.failure && s.rounds.length < FIRST_LOOK)) {
    if (!await measureOnce(primaries.filter((s) => s.rounds.length < FIRST_LOOK))) break;
  }
  const planned = primaries.filter((s) => !s.failure && s.rounds.length >= FIRST_LOOK);
  const meanRoundMs = (s) => s.rounds.length ? s.spentMs / s.rounds.length : s.lastRoundMs;
  let plan2 = planRounds(
    planned.map((s) => ({ workload: s.target.cell.workload, d: gateInput(s).d, roundMs: meanRoundMs(s) })),
    descriptive.map((s) => s.lastRoundMs),
    remaining(),
    options.settings
  );
  const mayRunTo = /* @__PURE__ */ new Map();
  const lastWanted = /* @__PURE__ */ new Map();
  planned.forEach((s, i) => {
    s.looks = firstLooks(plan2.workloads[i].planned);
    mayRunTo.set(s, plannedRounds(plan2.workloads[i].wanted, FIRST_LOOK));
  });
  for (const s of primaries) if (s.failure) s.stop = "failed";
  if (planned.length > 0) options.onPlan?.(plan2);
  const reserveMs = () => plan2.descriptiveRounds ? descriptive.reduce((sum, s) => sum + s.lastRoundMs * Math.max(0, plan2.descriptiveRounds - s.rounds.length), 0) : 0;
  const alphaEach = options.settings.alpha / Math.max(1, planned.length);
  for (; ; ) {
    if (stopped()) break;
    const live3 = planned.filter((s) => !s.stop && !s.failure);
    for (const s of live3) {
      if (!s.looks?.includes(s.rounds.length)) continue;
      const next = replanAtLook(s.looks, gateInput(s).d, options.settings, alphaEach);
      mayRunTo.set(s, next.planned);
      lastWanted.set(s, next.wanted);
      s.looks = next.looks;
    }
    const capped = live3.filter((s) => (s.looks?.at(-1) ?? 0) < (mayRunTo.get(s) ?? 0));
    if (capped.length > 0) {
      const committed = live3.reduce((sum, s) => sum + Math.max(0, (s.looks?.at(-1) ?? 0) - s.rounds.length) * meanRoundMs(s), 0);
      let spare = remaining() - reserveMs() - committed;
      for (const s of capped) {
        const extra = Math.min((mayRunTo.get(s) ?? 0) - (s.looks?.at(-1) ?? 0), Math.floor(spare / capped.length / Math.max(1, meanRoundMs(s))));
        if (extra <= 0) continue;
        spare -= extra * meanRoundMs(s);
        s.looks = extendLooks(s.looks ?? [], s.rounds.length, (s.looks?.at(-1) ?? 0) + extra);
      }
    }
    const outcomes = decideGates(planned.map(gateInput), options.settings);
    planned.forEach((s, i) => {
      if (s.stop) return;
      if (s.failure) s.stop = "failed";
      else if (outcomes[i].atLook && outcomes[i].verdict !== "inconclusive") s.stop = "decided";
      else if (s.rounds.length >= (s.looks?.at(-1) ?? 0)) s.stop = "planned";
    });
    const active = planned.filter((s) => !s.stop);
    if (active.length === 0) break;
    const affordable = active.filter((s) => s.lastRoundMs <= remaining() - reserveMs());
    if (affordable.length === 0 || !await measureOnce(affordable)) {
      for (const s of active) s.stop = "budget";
      break;
    }
  }
  for (const s of primaries) s.stop ??= s.failure ? "failed" : "budget";
  plan2 = { ...plan2, workloads: plan2.workloads.map((w, i) => ({ ...w, wanted: lastWanted.get(planned[i]) ?? w.wanted, planned: planned[i].looks?.at(-1) ?? w.planned })) };
  for (let k = 0; k < DESCRIPTIVE_ROUNDS; k++) {
    const due = descriptive.filter((s) => s.rounds.length < DESCRIPTIVE_ROUNDS);
    if (due.length === 0 || !await measureOnce(due)) break;
  }
  return { states, plan: planned.length > 0 ? plan2 : null };
}

// src/commands/compare.ts
init_registry();

// src/commands/run.ts
import { availableParallelism as availableParallelism7 } from "node:os";
import { resolve as resolve3 } from "node:path";

// src/analysis/analyze.ts
import { availableParallelism as availableParallelism4 } from "node:os";

// src/analysis/unpaired-figure.ts
var UNPAIRED_SPREAD_PRIOR = 0.15;
function unpairedSpread(cells, sequential) {
  const base = sequential.throughput.median;
  const evidence = cells.filter((c) => c.model !== "sequential" && c.paired && c.paired.speedup > 0 && c.samples > 0 && c.throughput.median > 0 && base > 0).map((c) => Math.log(c.throughput.median / base / c.paired.speedup));
  const squares = evidence.reduce((sum, x) => sum + x * x, UNPAIRED_SPREAD_PRIOR ** 2);
  return { spread: Math.sqrt(squares / (evidence.length + 1)), evidence: evidence.length };
}
function unpairedFigureInterval(figure, batchInterval, hosts, spread) {
  if (hosts >= HOST_ROUNDS || !(spread > 0) || !(figure > 0)) return { interval: [batchInterval[0], batchInterval[1]], hostsAdded: false };
  return { interval: withHostSpread(figure, batchInterval, spread, hosts), hostsAdded: true };
}

// src/analysis/analyze.ts
function analyzeWorkload(name, runtime, cells, options = {}) {
  const sequential = cells.find((c) => c.model === "sequential" && c.status === "ok" && c.samples > 0);
  const cpuShare = sequential ? computingShare(sequential) : 1;
  const context = { cpuShare, cores: options.cores ?? availableParallelism4(), seed: options.seed ?? 1 };
  const withSpeedups = cells.map((c) => {
    const ratio = c.paired?.speedup ?? (sequential ? c.throughput.median / sequential.throughput.median : Number.NaN);
    const measured = { ...c, speedup: sequential && c.samples > 0 ? Math.round(ratio * 1e3) / 1e3 : null };
    const withheld = sequential && c.samples > 0 ? withheldReason(measured, c === sequential ? measured : sequential, context) : void 0;
    return withheld ? { ...measured, speedup: null, speedupWithheld: withheld } : measured;
  });
  const classification = classify(sequential);
  const sequentialCpu = sequential ? sequential.cpuUtilization : null;
  const baseline = withSpeedups.find((c) => c.model === "sequential" && c.status === "ok" && c.samples > 0);
  const atBound = (c) => withheldAtBound(c) ? speedupBound(c, cpuShare, context.cores) : Infinity;
  const recommendation2 = baseline?.speedupWithheld !== void 0 ? notEnoughData(baseline.speedupWithheld) : recommend(
    withSpeedups.filter((c) => c.speedupWithheld === void 0 || withheldAtBound(c)),
    classification,
    sequentialCpu,
    { ...options, cores: context.cores, sequentialRunQueue: sequential?.runQueueShare, speedupCap: atBound }
  ) ?? null;
  const recommendedCell = recommendation2 && withSpeedups.find((c) => c.model === recommendation2.model && c.concurrency === recommendation2.concurrency);
  const hostSpread2 = sequential ? unpairedSpread(withSpeedups, sequential) : { spread: 0, evidence: 0 };
  const unpairedInterval = (c, batchInterval) => unpairedFigureInterval(c.throughput.median / sequential.throughput.median, batchInterval, Math.min(c.rounds, sequential.rounds), hostSpread2.spread);
  if (recommendation2 && recommendedCell && withheldAtBound(recommendedCell)) {
    const bound = atBound(recommendedCell);
    const measured = measuredSpeedup(recommendedCell, sequential);
    const swept = speedupInterval(recommendedCell, sequential, context.seed);
    const own = recommendedCell.paired ? pairedFigureInterval(recommendedCell.paired, sequential.hostRates).interval : unpairedInterval(recommendedCell, swept).interval;
    const low = Math.min(swept[0], own[0], bound);
    if (low < bound / (1 + TOLERANCE)) {
      recommendation2.speedupRange = [round3(low), round3(bound)];
      recommendation2.reason += ` It measured x${measured.toFixed(2)}, above the x${bound.toFixed(2)} that is physically possible (within noise of it), so a side was likely not at its steady speed: its figure is a range, from the low end of its 95% interval to that bound, x${low.toFixed(2)} to x${bound.toFixed(2)}.`;
    } else {
      recommendation2.reason += ` It measured x${measured.toFixed(2)}, within noise above the x${bound.toFixed(2)} that is physically possible, and its 95% interval starts within ${TOLERANCE * 100}% of it, so x${bound.toFixed(2)} is its figure.`;
    }
  }
  const impossible = withSpeedups.filter(withheldAsImpossible).length;
  const compared = withSpeedups.filter((c) => c.model !== "sequential" && c.status === "ok" && c.samples > 0).length;
  if (recommendation2 && compared > 0 && impossible >= Math.max(2, compared / 2)) {
    addDoubt(recommendation2, "suspect-baseline");
    recommendation2.reason += ` ${impossible} of ${compared} cells measured faster than sequential by more than is possible, so the sequential figure itself is suspect (it measured slow); a longer --time-budget measures it again.`;
  }
  const margin = options.margin ?? 0.1;
  const thin = withSpeedups.filter((c) => c.model !== "sequential" && c.speedupWithheld?.startsWith("not enough data: ") && !withheldAtBound(c));
  const read = (c) => measuredSpeedup(c, sequential);
  const readFaster = recommendation2 && sequential ? thin.filter((c) => read(c) > recommendation2.speedup * (1 + margin)) : [];
  if (recommendation2 && readFaster.length > 0) {
    addDoubt(recommendation2, "not-enough-data");
    const readings = readFaster.map((c) => `${c.model} read x${read(c).toFixed(2)} at ${unit(c.model, c.concurrency, c.workers)} (${c.speedupWithheld.replace(/^not enough data: /, "")})`);
    recommendation2.reason += ` Not decided: ${readings.join(", ")}, faster than ${recommendation2.model} by more than ${Math.round(margin * 100)}% but on too little data to compare; a longer --time-budget measures more.`;
  }
  const cellsOut = withSpeedups.map((c) => {
    if (!baseline || c.model === "sequential" || c.speedup === null || c.speedupWithheld !== void 0) return c;
    const { interval, hostsAdded } = c.paired ? figureInterval(c.paired) : { interval: speedupInterval(c, baseline, context.seed), hostsAdded: false };
    const shown = possibleInterval(interval, speedupBound(c, cpuShare, context.cores), c.speedup);
    const why = imprecisionReason(interval, c.paired && { rounds: c.paired.rounds, hostsAdded }, shown);
    const recommended = recommendation2 && recommendation2.model === c.model && recommendation2.concurrency === c.concurrency;
    const hosts = !c.paired && recommended ? unpairedInterval(c, interval) : void 0;
    const seqHosts = c.paired && recommended && sequential ? pairedFigureInterval(c.paired, sequential.hostRates) : void 0;
    if (recommendation2 && hosts?.hostsAdded && hosts.interval[1] / hosts.interval[0] > MAX_FIGURE_SPAN) {
      const wide = possibleInterval(hosts.interval, speedupBound(c, cpuShare, context.cores), c.speedup);
      const apart = Math.round((Math.exp(1.96 * hostSpread2.spread) - 1) * 100);
      const evidence = hostSpread2.evidence > 0 ? `its cells measured both ways read up to about ${apart}% apart` : `hosts read up to about ${apart}% apart on the machine this was calibrated on`;
      recommendation2.speedupRange = [round3(wide[0]), round3(wide[1])];
      recommendation2.reason += ` Its speedup was not measured paired, only in its own hosts against sequential's, started apart (${evidence}): its 95% interval runs from x${wide[0].toFixed(2)} to x${wide[1].toFixed(2)}${wide[1] < hosts.interval[1] ? ", the most that is physically possible" : ""}, too wide for one figure (a longer --time-budget pairs it).`;
    } else if (recommendation2 && sequential && seqHosts?.fromSequentialHosts && seqHosts.interval[1] / seqHosts.interval[0] > MAX_FIGURE_SPAN) {
      const wide = possibleInterval(seqHosts.interval, speedupBound(c, cpuShare, context.cores), c.speedup);
      const apart = Math.round((hostSpread(sequential.hostRates ?? [])?.spread ?? 0) * 100);
      const rounds = `${c.paired.rounds} round${c.paired.rounds === 1 ? "" : "s"}`;
      recommendation2.speedupRange = [round3(wide[0]), round3(wide[1])];
      recommendation2.reason += ` Its speedup rests on ${rounds} of fresh hosts, and this workload's sequential hosts read up to ${apart}% apart in this run, further than its paired batches varied: with that spread its 95% interval runs from x${wide[0].toFixed(2)} to x${wide[1].toFixed(2)}${wide[1] < seqHosts.interval[1] ? ", the most that is physically possible" : ""}, too wide for one figure (a longer --time-budget measures more rounds).`;
    } else if (why && recommended) {
      recommendation2.speedupRange = [round3(shown[0]), round3(shown[1])];
      recommendation2.reason += ` Its speedup is not one figure: the 95% interval runs from x${shown[0].toFixed(2)} to x${shown[1].toFixed(2)}${shown[1] < interval[1] ? ", the most that is physically possible" : ""} (${hostsAdded ? "measured in so few rounds of fresh hosts that the next could read differently by that much" : "the batches varied too much for a median to stand for them"}).`;
    }
    if (!why) return c;
    return { ...c, speedup: null, speedupWithheld: why };
  });
  const result = {
    name,
    runtime,
    status: "ok",
    classification,
    sequentialCpuUtilization: sequentialCpu,
    recommendation: recommendation2,
    cells: cellsOut
  };
  if (!recommendation2) {
    result.status = "failed";
    const seq = cells.find((c) => c.model === "sequential");
    result.error = seq?.error ? `the sequential baseline failed: ${seq.error}` : "the sequential baseline was not measured";
  }
  return result;
}
var round3 = (x) => Math.round(x * 1e3) / 1e3;
function notEnoughData(why) {
  return {
    model: "sequential",
    concurrency: 1,
    speedup: 1,
    reason: `Not enough data to compare models (${why.replace(/^not enough data: /, "")}); a longer --time-budget measures more.`,
    confidence: "low",
    doubts: ["not-enough-data"],
    withinNoise: []
  };
}
function failedWorkload(name, runtime, error) {
  return { name, runtime, status: "failed", error, classification: null, sequentialCpuUtilization: null, recommendation: null, cells: [] };
}

// src/environment.ts
init_runtime();
import { arch, availableParallelism as availableParallelism5, cpus, release, totalmem, type } from "node:os";
function describeEnvironment(runtimes2 = {}) {
  const reported = runtimes2.node?.node;
  const looked = settledWorkloadNode();
  return {
    cpus: availableParallelism5(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    node: typeof reported === "string" && reported ? reported : looked && "node" in looked ? looked.node.version : process.version,
    os: `${type()} ${release()}`,
    arch: arch(),
    totalMemoryBytes: totalmem(),
    runtimes: runtimes2
  };
}

// src/measure/aggregate.ts
import { availableParallelism as availableParallelism6 } from "node:os";

// src/stats/median-ci.ts
function binomialHalfCdf(k, n) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let logTerm = -n * Math.LN2;
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}
function medianConfidenceInterval(sorted, level = 0.95) {
  const n = sorted.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const alpha2 = (1 - level) / 2;
  let k = 0;
  for (let candidate = 1; candidate <= Math.floor((n + 1) / 2); candidate++) {
    if (binomialHalfCdf(candidate - 1, n) <= alpha2) k = candidate;
    else break;
  }
  if (k === 0) return [sorted[0], sorted[n - 1]];
  return [sorted[k - 1], sorted[n - k]];
}

// src/measure/aggregate.ts
init_types();
var round = (value, digits = 3) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
var STATUS_ORDER = ["crashed", "timed-out", "errored"];
function stolenMs(cpuMs, samples) {
  let busy = 0;
  let steal = 0;
  for (const s of samples) {
    if (!s.machineTicks) continue;
    busy += s.machineTicks.busy;
    steal += s.machineTicks.steal;
  }
  return busy > 0 && steal > 0 ? cpuMs * steal / busy : 0;
}
function taskThreads(model2, concurrency, cores) {
  if (model2 === "sequential" || model2 === "async") return 1;
  return isHybrid(model2) ? hybridLayout(concurrency, cores).workers : Math.max(1, concurrency);
}
function cpuShares(model2, concurrency, samples, cores) {
  const wall = samples.reduce((sum2, s) => sum2 + s.wallMs, 0);
  if (wall <= 0) return { cpuUtilization: 0, runQueueShare: 0 };
  const threads = taskThreads(model2, concurrency, cores);
  const bound = Math.min(threads, Math.max(1, cores));
  const sum = (field) => samples.reduce((total, s) => total + (field(s) ?? 0), 0);
  const cpu = sum((s) => s.cpuMs);
  const runQueue = Math.min(1, sum((s) => s.runQueueMs) / (wall * threads));
  if (!samples.every((s) => s.taskCpuMs !== void 0)) {
    return { cpuUtilization: round(Math.min(cpu / wall, bound)), runQueueShare: round(runQueue) };
  }
  const task = sum((s) => s.taskCpuMs);
  const pooled = samples.every((s) => s.poolCpuMs !== void 0);
  const pool = pooled ? sum((s) => s.poolCpuMs) : 0;
  return {
    cpuUtilization: round(Math.min(task / wall, bound)),
    runQueueShare: round(runQueue),
    ...pooled ? { poolUtilization: round(pool / wall) } : {},
    // What is left of the whole; never below 0, readings of the parts and the whole are a moment apart.
    overheadUtilization: round(Math.max(0, cpu - task - pool) / wall)
  };
}
function aggregateCell(model2, concurrency, visits, cores = availableParallelism6()) {
  const failures = visits.filter((v) => v.status !== "ok" && v.status !== "aborted");
  const samples = visits.flatMap((v) => v.samples);
  if (samples.length === 0 && failures.length === 0) return void 0;
  const throughputs = samples.map((s) => s.tasks / (s.wallMs / 1e3));
  const sorted = sortSamples(throughputs);
  const latencies = sortSamples(samples.flatMap((s) => s.latenciesMs));
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  const cpu = samples.reduce((sum, s) => sum + s.cpuMs, 0);
  const steal = stolenMs(cpu, samples);
  const startups = visits.map((v) => v.startupMs).filter((s) => s !== void 0);
  const warmups = visits.map((v) => v.warmup).filter((w) => w !== void 0);
  let status = "ok";
  let error;
  if (failures.length > 0) {
    const worst = [...failures].sort(
      (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
    )[0];
    status = STATUS_ORDER.includes(worst.status) ? worst.status : "crashed";
    error = worst.error;
  }
  const [lo, hi] = medianConfidenceInterval(sorted);
  const cell2 = {
    model: model2,
    concurrency,
    ...isHybrid(model2) ? { workers: hybridLayout(concurrency, cores).workers } : {},
    status,
    samples: samples.length,
    rounds: visits.filter((v) => v.samples.length > 0).length,
    throughput: { median: round(median(sorted)), ci95: [round(lo), round(hi)] },
    latencyMs: { p50: round(quantile(latencies, 0.5)), p99: round(quantile(latencies, 0.99)) },
    ...cpuShares(model2, concurrency, samples, cores),
    stealShare: wall > 0 ? round(steal / wall) : 0,
    peakRssBytes: Math.max(0, ...visits.map((v) => v.peakRssBytes ?? 0), ...samples.map((s) => s.peakRssBytes ?? 0)),
    startupMs: startups.length > 0 ? round(median(sortSamples(startups)), 1) : 0,
    ...warmups.length > 0 ? { warmup: { medianMs: round(median(sortSamples(warmups.map((w) => w.ms))), 1), unsettled: warmups.filter((w) => !w.settled).length } } : {},
    speedup: null,
    batchThroughputs: throughputs.map((t) => round(t)),
    batchesPerRound: visits.map((v) => v.samples.length).filter((n) => n > 0)
  };
  if (error !== void 0) cell2.error = error;
  if (samples.length === 0) {
    cell2.throughput = { median: 0, ci95: [0, 0] };
    cell2.latencyMs = { p50: 0, p99: 0 };
  }
  return cell2;
}

// src/measure/host-rates.ts
function hostRate(samples) {
  const rates = samples.filter((s) => s.wallMs > 0 && s.tasks > 0).map((s) => s.tasks / s.wallMs * 1e3);
  return rates.length > 0 ? median(sortSamples(rates)) : void 0;
}
function sequentialHostRates(cells, visits, pairedRounds2 = /* @__PURE__ */ new Map()) {
  const out = /* @__PURE__ */ new Map();
  const add = (workload2, rate2) => {
    if (rate2 === void 0) return;
    const list = out.get(workload2) ?? [];
    list.push(rate2);
    out.set(workload2, list);
  };
  for (const cell2 of cells) {
    if (cell2.model !== "sequential") continue;
    for (const visit of visits.get(cell2.key) ?? []) if (visit.status === "ok") add(cell2.workload.name, hostRate(visit.samples));
  }
  const counted = /* @__PURE__ */ new Set();
  for (const [key, rounds] of pairedRounds2) {
    const cell2 = cells.find((c) => c.key === key);
    if (!cell2) continue;
    for (const round2 of rounds) {
      if (round2.baselineHost !== void 0) {
        if (counted.has(round2.baselineHost)) continue;
        counted.add(round2.baselineHost);
      }
      add(cell2.workload.name, hostRate(round2.baseline));
    }
  }
  return out;
}

// src/measure/paired-models.ts
init_registry();
var AGAIN_UNTIL_ROUNDS = HOST_ROUNDS;
var SINGLE_THREADED = /* @__PURE__ */ new Set(["sequential", "async"]);
async function measurePairedModels(targets, options) {
  const allowanceMs = Math.max(options.allowanceMs, longestRoundMs(targets, options.shareBaseline ?? false));
  const backstop = new AbortController();
  const timer = setTimeout(() => backstop.abort(), Math.max(0, options.deadline + allowanceMs - performance.now()));
  timer.unref();
  const signal = options.signal ? AbortSignal.any([options.signal, backstop.signal]) : backstop.signal;
  try {
    return await pairedRounds(targets, options, signal);
  } finally {
    clearTimeout(timer);
  }
}
async function pairedRounds(targets, options, signal) {
  const random = mulberry32(options.seed);
  const measured = new Map(targets.map((t) => [t.candidate.key, []]));
  const cpus2 = allowedCpus();
  const runtimeOf = (cell2) => (options.runtimes ?? runtimeFor)(cell2.workload.runtime);
  const pinnable = (t) => (t.pinnable ?? true) && SINGLE_THREADED.has(t.baseline.model) && SINGLE_THREADED.has(t.candidate.model) && cpus2.length >= 2;
  let active = [...targets];
  const learned = /* @__PURE__ */ new Map();
  const expectedOf = (t) => learned.get(t.candidate.key) ?? t.expectedMs;
  const stalls = /* @__PURE__ */ new Map();
  let baselineHosts = 0;
  const deferred = (t) => options.deferredPriority !== void 0 && (t.priority ?? 0) >= options.deferredPriority;
  const roundsBeforeDeferred = Math.min(HOST_ROUNDS, options.maxRounds);
  const waitsForOthers = (target, failed) => deferred(target) && (measured.get(target.candidate.key)?.length ?? 0) === 0 && active.some((t) => !deferred(t) && !failed.has(t.candidate.key) && (measured.get(t.candidate.key)?.length ?? 0) < roundsBeforeDeferred && performance.now() + expectedOf(t) <= options.deadline);
  for (let round2 = 1; round2 <= options.maxRounds && active.length > 0; round2++) {
    let done = 0;
    let visited = 0;
    const failed = /* @__PURE__ */ new Set();
    const order = shuffled(active, random).sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    const followUps = (target) => {
      for (const next of options.followUp?.(target, measured) ?? []) {
        const key = next.candidate.key;
        const rounds = measured.get(key)?.length ?? 0;
        const again = next.again === true && rounds >= 1 && rounds < AGAIN_UNTIL_ROUNDS;
        if (rounds > 0 && !again || failed.has(key)) continue;
        const planned = active.find((t) => t.candidate.key === key);
        if (planned && !again && (planned.priority ?? 0) === (next.priority ?? 0)) continue;
        active = [...active.filter((t) => t.candidate.key !== key), next];
        const waiting = order.findIndex((t) => t.candidate.key === key);
        if (waiting >= 0) order.splice(waiting, 1);
        else if (planned && !again) continue;
        if (!again) measured.set(key, []);
        const at = order.findIndex((t) => (t.priority ?? 0) > (next.priority ?? 0));
        order.splice(at < 0 ? order.length : at, 0, next);
      }
    };
    while (order.length > 0) {
      const target = order.shift();
      if (signal.aborted) return measured;
      const expected = expectedOf(target);
      if (performance.now() + expected > options.deadline) continue;
      if (waitsForOthers(target, failed)) continue;
      const pinned2 = pinnable(target);
      const group = [target];
      let groupMs = expected;
      if (options.shareBaseline && !pinned2) {
        const at = order.findIndex((t) => t.baseline.key === target.baseline.key && t.candidate.key !== target.candidate.key && (t.priority ?? 0) === (target.priority ?? 0) && !pinnable(t));
        const companion = order[at];
        const saved = companion ? Math.min(target.baselineMs ?? 0, companion.baselineMs ?? 0) : 0;
        const withCompanion = companion ? expected + Math.max(0, expectedOf(companion) - saved) : Number.POSITIVE_INFINITY;
        if (performance.now() + withCompanion <= options.deadline) {
          order.splice(at, 1);
          group.push(companion);
          groupMs = withCompanion;
        }
      }
      const started = performance.now();
      const cpu = pinned2 ? [cpus2[Math.floor(random() * cpus2.length)]] : void 0;
      const side2 = (cell2, spec) => ({ runtime: runtimeOf(cell2), workload: cell2.workload, spec: { ...spec, minBatches: options.pairs, maxBatches: options.pairs, sampleTimeMs: 0 } });
      const baselineSide = side2(target.baseline, group.length === 1 ? target.baselineSpec : sharedBaselineSpec(group.map((t) => t.baselineSpec)));
      const candidateSides = group.map((t) => side2(t.candidate, t.candidateSpec));
      let layout;
      if (group.length === 1) layout = random() < 0.5 ? [baselineSide, candidateSides[0]] : [candidateSides[0], baselineSide];
      else layout = random() < 0.5 ? [candidateSides[0], baselineSide, candidateSides[1]] : [candidateSides[1], baselineSide, candidateSides[0]];
      const hardTimeoutMs = Math.max(target.baseline.workload.timeoutMs, ...group.map((t) => t.candidate.workload.timeoutMs)) + 6e4;
      const silenceLimitMs = stallLimitMs(groupMs, options.stallMinMs);
      const outcomes = await runInterleavedGroup(layout, { signal, hardTimeoutMs, silenceLimitMs, cpus: cpu });
      const baseline = outcomes[layout.indexOf(baselineSide)];
      const elapsedMs = performance.now() - started;
      for (const t of group) learned.set(t.candidate.key, group.length === 1 ? elapsedMs : expectedOf(t) * elapsedMs / groupMs);
      visited++;
      const baselineHost = ++baselineHosts;
      const measuredNow = [];
      const complete = outcomes.every((o) => o?.status === "ok");
      const lostRound = [];
      for (const [i, t] of group.entries()) {
        const candidate = outcomes[layout.indexOf(candidateSides[i])];
        if (group.length > 1 && !complete && !faulted(candidate) && candidate?.status !== "stalled" && !faulted(baseline) && baseline?.status !== "stalled") {
          lostRound.push(t);
          continue;
        }
        if (baseline?.status === "ok" && candidate?.status === "ok") {
          const n = Math.min(baseline.samples.length, candidate.samples.length);
          if (n > 0) {
            measured.get(t.candidate.key).push({ baseline: baseline.samples.slice(0, n), candidate: candidate.samples.slice(0, n), baselineHost });
            measuredNow.push(t);
          }
        } else if (baseline?.status === "stalled" || candidate?.status === "stalled") {
          const count = (stalls.get(t.candidate.key) ?? 0) + 1;
          stalls.set(t.candidate.key, count);
          if (count >= STALLS_BEFORE_FAILURE) failed.add(t.candidate.key);
        } else if (faulted(baseline) || faulted(candidate)) {
          failed.add(t.candidate.key);
        }
        if (candidate) options.onVisit?.({ round: round2, done: ++done, total: done + order.length + lostRound.length + (group.length - 1 - i), cell: t.candidate, outcome: candidate });
      }
      order.unshift(...lostRound);
      for (const t of measuredNow) followUps(t);
    }
    active = active.filter((t) => !failed.has(t.candidate.key));
    options.onRound?.(round2, measured);
    if (visited === 0) break;
  }
  return measured;
}
function longestRoundMs(targets, shareBaseline) {
  let longest = Math.max(0, ...targets.map((t) => t.expectedMs));
  if (!shareBaseline) return longest;
  for (const [i, a] of targets.entries()) {
    for (const b of targets.slice(i + 1)) {
      if (a.baseline.key !== b.baseline.key) continue;
      longest = Math.max(longest, a.expectedMs + b.expectedMs - Math.min(a.baselineMs ?? 0, b.baselineMs ?? 0));
    }
  }
  return longest;
}
function faulted(outcome) {
  return outcome !== void 0 && outcome.status !== "ok" && outcome.status !== "aborted" && outcome.status !== "stalled";
}
function sharedBaselineSpec(specs) {
  const { warmupSettledMs: _settled, warmupMaxMs: _cap, warmupTimeMs: _floor, ...rest } = specs[0];
  const most = (values) => values.every((v) => v === void 0) ? void 0 : Math.max(...values.map((v) => v ?? 0));
  const floor = most(specs.map((s) => s.warmupTimeMs));
  const cap = most(specs.map((s) => s.warmupMaxMs));
  const settled2 = specs.every((s) => s.warmupSettledMs !== void 0) ? most(specs.map((s) => s.warmupSettledMs)) : void 0;
  return { ...rest, ...floor !== void 0 ? { warmupTimeMs: floor } : {}, ...cap !== void 0 ? { warmupMaxMs: cap } : {}, ...settled2 !== void 0 ? { warmupSettledMs: settled2 } : {} };
}

// src/measure/paired-targets.ts
var CONTESTED_WARMUP_FACTOR = 4;
var PAIRED_SAMPLE_MS = 100;
var PAIRS_PER_ROUND = 6;
function withPairedSampleLength(spec, visits) {
  const samples = (visits ?? []).flatMap((v) => v.samples).filter((s) => s.wallMs > 0 && s.tasks > 0);
  if (samples.length === 0) return { spec, extraSampleMs: 0 };
  const batchMs = median2(samples.map((s) => s.wallMs * spec.workload.tasks / s.tasks));
  const repeat = Math.max(1, spec.batchRepeat ?? 1);
  const next = raisedRepeat(repeat, repeat * batchMs, PAIRED_SAMPLE_MS);
  return next === repeat ? { spec, extraSampleMs: 0 } : { spec: { ...spec, batchRepeat: next }, extraSampleMs: (next - repeat) * batchMs };
}
function withSweepWarmup(spec, visits) {
  const warmups = (visits ?? []).flatMap((v) => v.warmup ? [v.warmup] : []);
  if (warmups.length === 0 || warmups.some((w) => !w.settled)) return spec;
  return { ...spec, warmupSettledMs: Math.max(...warmups.map((w) => w.ms)) };
}
var PLATEAU_WARMUP_FACTOR = 4;
var PLATEAU_ABOVE_BOUND = 1.3;
function baselineOnPlateau(workload2, sequential, cores) {
  if (!(sequential.throughput.median > 0)) return false;
  const share = computingShare(sequential);
  return workload2.cells.some(
    (c) => c.model !== "sequential" && withheldAsImpossible(c) && c.throughput.median / sequential.throughput.median > PLATEAU_ABOVE_BOUND * speedupBound(c, share, cores)
  );
}
function sweepWarmupMs(visits) {
  return Math.max(0, ...(visits ?? []).flatMap((v) => v.warmup ? [v.warmup.ms] : []));
}
function withWarmupFloor(spec, floorMs, visits) {
  const { warmupSettledMs: _ignored, ...rest } = spec;
  return { spec: { ...rest, warmupTimeMs: Math.max(floorMs, spec.warmupTimeMs ?? 0), warmupMaxMs: floorMs }, extraMs: Math.max(0, floorMs - sweepWarmupMs(visits)) };
}
function unsettled(cell2) {
  return (cell2.warmup?.unsettled ?? 0) > 0;
}
function withWarmupCap(spec, capMs) {
  if (spec.warmupSettledMs !== void 0) return { spec, extraMs: 0 };
  const before = spec.warmupMaxMs ?? 0;
  return capMs > before ? { spec: { ...spec, warmupMaxMs: capMs }, extraMs: capMs - before } : { spec, extraMs: 0 };
}
function pairedChoices(workload2, options = {}) {
  return bestOfModels(pairable(workload2), options);
}
function pairable(workload2) {
  return workload2.cells.filter((c) => c.speedupWithheld === void 0 || c.model === "sequential" || withheldAsImpossible(c) || withheldAsImprecise(c));
}
var PRIORITY = { overturn: 0, contested: 1, reportedFigure: 2, decided: 3 };
function pairingPriority(cell2, sequential, options, context = {}) {
  const priority = answerPriority(cell2, sequential, options, context);
  return priority === PRIORITY.contested && context.sequentialRecommended ? PRIORITY.overturn : priority;
}
function answerPriority(cell2, sequential, options, context) {
  if (speedupBound(cell2, computingShare(sequential), options.cores) <= 1 + options.margin) return PRIORITY.decided;
  const measured = cell2.samples > 0 && sequential.samples > 0;
  const [lo, hi] = measured ? speedupInterval(cell2, sequential, options.seed) : [Number.NaN, Number.NaN];
  if (!context.recommended && context.recommendedSpeedup !== void 0 && hi * (1 + options.margin) < context.recommendedSpeedup) return PRIORITY.decided;
  if (withheldAsImpossible(cell2) || withheldAsImprecise(cell2)) return PRIORITY.contested;
  if (context.closeCall) return PRIORITY.contested;
  if (context.recommended && context.cold) return PRIORITY.contested;
  if (context.recommended && context.suspectBaseline) return PRIORITY.contested;
  if (!measured) return PRIORITY.contested;
  if (!context.recommended && context.recommendedSpeedup !== void 0 && hi > context.recommendedSpeedup * (1 + options.margin)) return PRIORITY.contested;
  if (!(hi < 1 || lo > 1 + options.margin)) return PRIORITY.contested;
  return context.recommended ? PRIORITY.reportedFigure : PRIORITY.decided;
}
function pairedTargets(swept, cells, measured, options) {
  const targets = [];
  for (const w of swept.workloads) {
    if (w.status !== "ok") continue;
    const best = pairedChoices(w, { cores: options.cores, margin: options.margin });
    const baseline = cells.find((c) => c.workload.name === w.name && c.model === "sequential");
    const sequential = best.get("sequential");
    if (!baseline || !sequential) continue;
    const plateau = w.runtime === "node" && baselineOnPlateau(w, sequential, options.cores);
    const target = (chosen, priority) => {
      const candidate = cells.find((c) => c.workload.name === w.name && c.model === chosen.model && c.concurrency === chosen.concurrency);
      if (!candidate) return void 0;
      const baselineSized = withPairedSampleLength(measured.spec(baseline), measured.visits.get(baseline.key));
      const candidateSized = withPairedSampleLength(measured.spec(candidate), measured.visits.get(candidate.key));
      let baselineSpec = withSweepWarmup(baselineSized.spec, measured.visits.get(baseline.key));
      let candidateSpec = withSweepWarmup(candidateSized.spec, measured.visits.get(candidate.key));
      const pairs = options.pairs ?? PAIRS_PER_ROUND;
      let baselineExtraMs = pairs * baselineSized.extraSampleMs;
      let candidateExtraMs = pairs * candidateSized.extraSampleMs;
      const cap = baselineSpec.warmupMaxMs;
      const longer = priority > PRIORITY.contested || cap === void 0 ? void 0 : plateau ? (spec, visits) => withWarmupFloor(spec, Math.min(WARMUP_CAP_MAX_MS, PLATEAU_WARMUP_FACTOR * cap), visits) : unsettled(sequential) || unsettled(chosen) ? (spec) => withWarmupCap(spec, Math.min(WARMUP_CAP_MAX_MS, CONTESTED_WARMUP_FACTOR * cap)) : void 0;
      if (longer) {
        const b = longer(baselineSpec, measured.visits.get(baseline.key));
        const c = longer(candidateSpec, measured.visits.get(candidate.key));
        [baselineSpec, candidateSpec] = [b.spec, c.spec];
        [baselineExtraMs, candidateExtraMs] = [baselineExtraMs + b.extraMs, candidateExtraMs + c.extraMs];
      }
      const baselineMs = measured.costMs(baseline) + baselineExtraMs;
      return {
        baseline,
        candidate,
        baselineSpec,
        candidateSpec,
        expectedMs: baselineMs + measured.costMs(candidate) + candidateExtraMs,
        baselineMs,
        pinnable: runsOnOneCpu(w.cells.find((c) => c.model === "sequential"), chosen),
        priority
      };
    };
    const suspectBaseline = plateau || w.cells.some((c) => withheldAsImpossible(c) && !withheldAtBound(c));
    for (const [model2, chosen] of best) {
      if (model2 === "sequential") continue;
      const recommended = w.recommendation?.model === model2 && w.recommendation.concurrency === chosen.concurrency;
      const priority = pairingPriority(chosen, sequential, options, {
        recommended,
        cold: unsettled(sequential) || unsettled(chosen),
        closeCall: closeLevelCall(pairable(w), chosen, { margin: options.margin }),
        recommendedSpeedup: w.recommendation?.speedup,
        sequentialRecommended: !w.recommendation || w.recommendation.model === "sequential",
        suspectBaseline
      });
      const faster = recommended ? fasterLevelWithinReach(pairable(w), chosen, sequential, options) : void 0;
      const chosenTarget = target(chosen, faster ? Math.max(priority, PRIORITY.reportedFigure) : priority);
      if (chosenTarget) targets.push(chosenTarget);
      const fasterTarget = faster && target(faster, PRIORITY.contested);
      if (fasterTarget) targets.push(fasterTarget);
    }
  }
  return targets;
}
function fasterLevelWithinReach(cells, chosen, sequential, options) {
  if (chosen.model === "sequential" || !(sequential.throughput.median > 0)) return void 0;
  const own = measuredSpeedup(chosen, sequential);
  const reach = cells.filter(
    (c) => c.model === chosen.model && c.concurrency > chosen.concurrency && c.paired === void 0 && withheldAsImprecise(c) && c.samples > 0 && speedupInterval(c, sequential, options.seed)[1] > own * (1 + options.margin)
  );
  return reach.sort((a, b) => b.throughput.median - a.throughput.median)[0];
}
function followUpTarget(now, cells, measured, pairedSoFar, options) {
  const rec = now.recommendation;
  if (now.status !== "ok") return void 0;
  if (!rec || rec.model === "sequential") {
    const cellOf = ({ candidate }) => now.cells.find((c) => c.model === candidate.model && c.concurrency === candidate.concurrency);
    const rate2 = (t) => cellOf(t)?.throughput.median ?? 0;
    const targets = pairedTargets({ workloads: [now] }, cells, measured, options);
    const unplanned = targets.filter((t) => t.priority === PRIORITY.overturn && !pairedSoFar.has(t.candidate.key)).sort((a, b) => rate2(b) - rate2(a))[0];
    if (unplanned) return unplanned;
    const pairedSpeedup2 = (t) => cellOf(t)?.paired?.speedup ?? 0;
    const roundsSoFar = (t) => pairedSoFar.get(t.candidate.key)?.length ?? 0;
    const again = targets.filter((t) => roundsSoFar(t) >= 1 && roundsSoFar(t) < AGAIN_UNTIL_ROUNDS && pairedSpeedup2(t) > 1 + options.margin).sort((a, b) => pairedSpeedup2(b) - pairedSpeedup2(a))[0];
    return again && { ...again, again: true };
  }
  const cell2 = cells.find((c) => c.workload.name === now.name && c.model === rec.model && c.concurrency === rec.concurrency);
  if (!cell2 || (pairedSoFar.get(cell2.key)?.length ?? 0) > 0) return void 0;
  return pairedTargets({ workloads: [now] }, cells, measured, options).find((t) => t.candidate.key === cell2.key);
}
function waitingPriorities(now, cells, measured, pairedSoFar, options) {
  if (now.status !== "ok") return [];
  return pairedTargets({ workloads: [now] }, cells, measured, options).filter((t) => pairedSoFar.get(t.candidate.key)?.length === 0);
}

// src/commands/run.ts
init_registry();
init_types();
var DEFAULT_TIME_BUDGET_SECONDS = 60;
var DEFAULT_RESULTS_FILE = ".concurrency-bench/results.json";
async function probeWorkloads(workloads, signal) {
  const probes = /* @__PURE__ */ new Map();
  for (const workload2 of workloads) {
    const cell2 = { workload: workload2, model: "sequential", concurrency: 1, key: "" };
    probes.set(workload2.name, await runVisit(runtimeFor(workload2.runtime), workload2, visitSpec(cell2, 0, "probe"), { signal, hardTimeoutMs: workload2.timeoutMs + 3e4 }));
  }
  return probes;
}
function buildRunResults(config2, probes, cells, visits, settings, skipped = /* @__PURE__ */ new Map(), paired = /* @__PURE__ */ new Map(), hostRates = /* @__PURE__ */ new Map()) {
  const runtimes2 = {};
  const workloads = settings.workloads.map((workload2) => {
    const probe = probes.get(workload2.name);
    if (probe?.env) runtimes2[workload2.runtime] = { ...runtimes2[workload2.runtime], ...probe.env };
    if (!probe || probe.status !== "ok") {
      return failedWorkload(workload2.name, workload2.runtime, probe?.error ?? "not measured (interrupted before it started)");
    }
    const own = cells.filter((c) => c.workload === workload2);
    const results = own.map((c) => {
      const cell2 = aggregateCell(c.model, c.concurrency, visits.get(c.key) ?? [], settings.cores);
      const pairedSpeedup2 = paired.get(c.key);
      const rates = c.model === "sequential" ? hostRates.get(workload2.name) : void 0;
      return cell2 && { ...cell2, ...pairedSpeedup2 ? { paired: roundPaired(pairedSpeedup2) } : {}, ...rates?.length ? { hostRates: rates.map((r) => Math.round(r * 1e3) / 1e3) } : {} };
    }).filter((c) => c !== void 0);
    const result = analyzeWorkload(workload2.name, workload2.runtime, results, { margin: settings.margin, seed: settings.seed, cores: settings.cores });
    const notMeasured = own.filter((c) => skipped.has(c.key)).map((c) => ({ model: c.model, concurrency: c.concurrency, reason: skipped.get(c.key) }));
    if (notMeasured.length > 0) result.skipped = notMeasured;
    const baselineSkipped = notMeasured.find((n) => n.model === "sequential");
    if (result.status === "failed" && baselineSkipped && !result.cells.some((c) => c.model === "sequential")) {
      result.error = `the sequential baseline was not measured: ${baselineSkipped.reason}; a longer --time-budget measures it`;
    }
    const unmeasured = MODELS.filter((m) => notMeasured.some((n) => n.model === m && !noUseForHybrids(n.reason)) && !result.cells.some((c) => c.model === m && c.samples > 0));
    if (result.recommendation && unmeasured.length > 0) {
      result.recommendation.reason += ` Not measured within the budget: ${unmeasured.join(", ")} (a longer --time-budget measures ${unmeasured.length > 1 ? "them" : "it"}).`;
      addDoubt(result.recommendation, "model-not-measured");
    }
    return result;
  });
  return {
    schemaVersion: 1,
    kind: "run",
    tool: { name: "concurrency-bench", version: VERSION },
    incomplete: settings.incomplete,
    environment: describeEnvironment(runtimes2),
    settings: { timeBudgetSeconds: settings.timeBudgetSeconds, margin: settings.margin, rounds: settings.rounds, seed: settings.seed, config: config2.file },
    workloads
  };
}
function roundPaired(p) {
  const r = (value) => Math.round(value * 1e3) / 1e3;
  const rate2 = (value) => value === null ? null : r(value);
  return {
    speedup: r(p.speedup),
    ci95: [r(p.ci95[0]), r(p.ci95[1])],
    rounds: p.rounds,
    pairs: p.pairs,
    spread: Math.round(p.spread * 1e4) / 1e4,
    ...p.hosts ? { hosts: p.hosts.map((h) => ({ baseline: rate2(h.baseline), candidate: rate2(h.candidate) })) } : {}
  };
}
var PAIRED_SHARE = 0.4;
var FOLLOW_UPS_PER_WORKLOAD = 2;
function runExitCode(results, interrupted) {
  if (interrupted) return 130;
  const failed = results.workloads.some((w) => w.status === "failed" || w.cells.some((c) => c.status !== "ok"));
  return failed ? 3 : 0;
}
async function runCommand(options) {
  const config2 = options.config ?? await loadConfigAsync(options.configPath);
  const timeBudgetSeconds = options.timeBudgetSeconds ?? DEFAULT_TIME_BUDGET_SECONDS;
  const margin = options.margin ?? DEFAULT_MARGIN;
  const seed2 = options.seed ?? 1;
  const jsonPath = resolve3(options.jsonPath ?? DEFAULT_RESULTS_FILE);
  const unknown = (options.only ?? []).filter((name) => !config2.workloads.some((w) => w.name === name));
  if (unknown.length > 0) {
    const available = config2.workloads.map((w) => JSON.stringify(w.name)).join(", ");
    throw new ConfigError(config2.file, "--workload", `no workload named ${unknown.map((n) => JSON.stringify(n)).join(", ")} (available: ${available})`);
  }
  const workloads = options.only ? config2.workloads.filter((w) => options.only.includes(w.name)) : config2.workloads;
  const started = performance.now();
  const probes = await probeWorkloads(workloads, options.signal);
  for (const [name, probe] of probes) options.onProgress?.({ type: "probe", workload: name, status: probe.status === "ok" ? "ok" : `failed: ${probe.error}` });
  const cells = workloads.filter((w) => probes.get(w.name)?.status === "ok").flatMap((w) => planCells(w, runtimeFor(w.runtime).models));
  let rounds = 0;
  const cores = availableParallelism7();
  const save = (visits2, incomplete, skipped2, paired2, pairedRounds3) => {
    const results2 = buildRunResults(config2, probes, cells, visits2, { timeBudgetSeconds, margin, seed: seed2, rounds, incomplete, workloads, cores }, skipped2, paired2, sequentialHostRates(cells, visits2, pairedRounds3));
    writeJsonAtomic(jsonPath, results2);
    return results2;
  };
  const budgetMs = Math.max(0, timeBudgetSeconds * 1e3 - (performance.now() - started));
  const deadline = performance.now() + budgetMs;
  const pairable2 = cells.some((c) => c.model !== "sequential") && cells.some((c) => c.model === "sequential");
  const measured = await measureInRounds(cells, {
    budgetMs: pairable2 ? budgetMs * (1 - PAIRED_SHARE) : budgetMs,
    // The paired phase's share, for a workload the coarse sweep would otherwise leave with sequential alone.
    reserveMs: pairable2 ? budgetMs * PAIRED_SHARE : 0,
    seed: seed2,
    cores,
    signal: options.signal,
    onVisit: ({ round: round2, done, total, cell: cell2, outcome }) => options.onProgress?.({ type: "visit", round: round2, done, total, label: `${cell2.workload.name} ${cell2.model} x${cell2.concurrency}`, status: outcome.status }),
    // Figures that cannot be true are measured again, next to their baseline, in the next round.
    doubtful: (soFar) => {
      const results2 = buildRunResults(config2, probes, cells, soFar, { timeBudgetSeconds, margin, seed: seed2, rounds, incomplete: true, workloads, cores });
      const keys = /* @__PURE__ */ new Set();
      for (const w of results2.workloads) {
        for (const c of w.cells) if (withheldAsImpossible(c)) keys.add(cellKey(w.name, c.model, c.concurrency));
      }
      return keys;
    },
    onRound: (round2, soFar) => {
      rounds = round2;
      save(soFar, true);
      options.onProgress?.({ type: "round", round: round2, elapsedMs: performance.now() - started });
    }
  });
  const { visits, skipped } = measured;
  let paired = /* @__PURE__ */ new Map();
  let pairedRounds2 = /* @__PURE__ */ new Map();
  if (pairable2 && !options.signal?.aborted) {
    const swept = buildRunResults(config2, probes, cells, visits, { timeBudgetSeconds, margin, seed: seed2, rounds, incomplete: true, workloads, cores }, skipped);
    const targets = pairedTargets(swept, cells, measured, { cores, margin, seed: seed2, pairs: PAIRS_PER_ROUND });
    if (targets.length > 0) {
      const followUps = /* @__PURE__ */ new Map();
      options.onProgress?.({ type: "plan", lines: [`paired: ${targets.length} cell${targets.length === 1 ? "" : "s"} against sequential, ${PAIRS_PER_ROUND} batch pairs per round, until the budget ends`] });
      const measuredPairs = await measurePairedModels(targets, {
        deadline,
        allowanceMs: measured.allowanceMs,
        seed: seed2 + 1,
        pairs: PAIRS_PER_ROUND,
        maxRounds: 10,
        shareBaseline: true,
        // A pairing that cannot change the answer waits until the others have had their rounds.
        deferredPriority: PRIORITY.decided,
        signal: options.signal,
        onVisit: ({ round: round2, done, total, cell: cell2, outcome }) => options.onProgress?.({ type: "visit", round: round2, done, total, label: `paired: ${cell2.workload.name} ${cell2.model} x${cell2.concurrency} / sequential`, status: outcome.status }),
        followUp: (target, soFar) => {
          const workload2 = target.candidate.workload;
          const own = new Map([...soFar].filter(([key]) => cells.some((c) => c.key === key && c.workload === workload2)));
          const now = buildRunResults(config2, probes, cells, visits, { timeBudgetSeconds, margin, seed: seed2, rounds, incomplete: true, workloads: [workload2], cores }, skipped, pairedSpeedups(own, seed2));
          const options2 = { cores, margin, seed: seed2, pairs: PAIRS_PER_ROUND };
          const moved = waitingPriorities(now.workloads[0], cells, measured, soFar, options2);
          if ((followUps.get(workload2.name) ?? 0) >= FOLLOW_UPS_PER_WORKLOAD) return moved;
          const next = followUpTarget(now.workloads[0], cells, measured, soFar, options2);
          if (!next) return moved;
          followUps.set(workload2.name, (followUps.get(workload2.name) ?? 0) + 1);
          return [next, ...moved.filter((t) => t.candidate.key !== next.candidate.key)];
        },
        onRound: (round2, soFar) => {
          paired = pairedSpeedups(soFar, seed2);
          pairedRounds2 = soFar;
          save(visits, true, skipped, paired, pairedRounds2);
          options.onProgress?.({ type: "round", round: round2, elapsedMs: performance.now() - started, phase: "paired" });
        }
      });
      paired = pairedSpeedups(measuredPairs, seed2);
      pairedRounds2 = measuredPairs;
    }
  }
  const interrupted = options.signal?.aborted ?? false;
  const results = save(visits, interrupted, skipped, paired, pairedRounds2);
  return { results, exitCode: runExitCode(results, interrupted), jsonPath };
}
function pairedSpeedups(rounds, seed2) {
  const out = /* @__PURE__ */ new Map();
  for (const [key, list] of rounds) {
    const estimate = pairedSpeedup(list, { seed: seed2 });
    if (!estimate) continue;
    const hosts = list.map((round2) => ({ baseline: hostRate(round2.baseline) ?? null, candidate: hostRate(round2.candidate) ?? null }));
    out.set(key, { ...estimate, hosts });
  }
  return out;
}

// src/commands/compare.ts
var DEFAULT_COMPARE_CAP_SECONDS = 600;
var DEFAULT_COMPARE_FILE = ".concurrency-bench/compare.json";
var SWEEP_SHARE = 0.25;
var SWEEP_MAX_MS = 45e3;
var PAIRED_SAMPLE_MS2 = 300;
var DESCRIPTIVE_SAMPLE_MS = 150;
var PAIRED_BATCH_MS = 25;
var DEFAULT_PORTS = {
  visit: (workload2, model2, concurrency, options) => {
    const spec = visitSpec({ workload: workload2, model: model2, concurrency, key: "" }, options.sampleTimeMs);
    if (options.batchTasks !== void 0) spec.workload.tasks = Math.max(1, Math.min(workload2.tasks, options.batchTasks));
    return runVisit(runtimeFor(workload2.runtime), workload2, spec, { signal: options.signal, hardTimeoutMs: workload2.timeoutMs + 3e4 });
  },
  round: measureInterleaved,
  probe: probeWorkloads
};
function compareExitCode(results, options) {
  if (options.interrupted) return 130;
  if (options.failOnRegression && results.regressions > 0) return 1;
  const failed = results.failures.length > 0 || results.comparisons.some((c) => c.error !== void 0) || results.workloads.some((w) => w.status === "failed" || w.cells.some((c) => c.status !== "ok"));
  if (failed) return 3;
  if (options.failOnRegression && (results.undecided ?? 0) > 0) return 4;
  return 0;
}
function compareSettings(options, config2) {
  return {
    threshold: options.threshold ?? COMPARE_DEFAULTS.threshold,
    noiseFloor: COMPARE_DEFAULTS.noiseFloor,
    memoryThreshold: COMPARE_DEFAULTS.memoryThreshold,
    alpha: options.alpha ?? COMPARE_DEFAULTS.alpha,
    timeBudgetSeconds: options.timeBudgetSeconds ?? DEFAULT_COMPARE_CAP_SECONDS,
    seed: options.seed ?? COMPARE_DEFAULTS.seed,
    resamples: COMPARE_DEFAULTS.resamples,
    config: config2
  };
}
function treeCells(side2, workloads, probes) {
  return workloads.filter((w) => probes.get(w.name)?.status === "ok").flatMap((w) => planCells(w, w.models)).map((c) => ({ ...c, key: `${side2}\0${cellKey(c.workload.name, c.model, c.concurrency)}` }));
}
function treeResults(tree, visits, settings, incomplete) {
  return buildRunResults(tree.config, tree.probes, tree.cells, visits, {
    timeBudgetSeconds: settings.timeBudgetSeconds,
    margin: DEFAULT_MARGIN,
    seed: settings.seed,
    rounds: 0,
    incomplete,
    workloads: tree.config.workloads
  });
}
function treeFailures(side2, workloads) {
  const out = [];
  for (const w of workloads) {
    if (w.status === "failed") out.push({ tree: side2, workload: w.name, message: w.error ?? "failed" });
    for (const c of w.cells) {
      if (c.status !== "ok") out.push({ tree: side2, workload: w.name, model: c.model, concurrency: c.concurrency, message: `${c.status}: ${c.error ?? "no detail"}` });
    }
  }
  return out;
}
function buildCompareResults(parts) {
  const analysed = analyzeCompare(comparisonInputs(parts.states), parts.settings);
  const order = parts.headRun.workloads.map((w) => w.name);
  const comparisons = orderComparisons(analysed.comparisons, order);
  const planOf = (name) => parts.plan?.workloads.find((w) => w.workload === name);
  const workloadChanges = [...analysed.workloadChanges].sort((a, b) => order.indexOf(a.workload) - order.indexOf(b.workload)).map((w) => {
    const p = planOf(w.workload);
    return p ? { ...w, plannedRounds: p.planned, wantedRounds: p.wanted } : w;
  });
  const count = (verdict) => workloadChanges.filter((w) => w.verdict === verdict).length;
  const gated = new Set(workloadChanges.map((w) => w.workload));
  const ungated = parts.headRun.workloads.filter((w) => w.status === "ok" && parts.baseRun.workloads.some((b) => b.name === w.name && b.status === "ok") && !gated.has(w.name));
  const pairedFailures = parts.states.filter((s) => s.failure).map((s) => ({ tree: s.failure.tree, workload: s.target.cell.workload, model: s.target.cell.model, concurrency: s.target.cell.concurrency, message: s.failure.message }));
  const undecided = count("inconclusive") + ungated.length;
  return {
    schemaVersion: 1,
    kind: "compare",
    tool: { name: "concurrency-bench", version: VERSION },
    base: parts.base,
    head: parts.head,
    paired: true,
    regressions: count("regression"),
    improvements: count("improvement"),
    undecided,
    comparisons,
    workloadChanges,
    plan: parts.plan ? { descriptiveRounds: parts.plan.descriptiveRounds, capped: parts.plan.capped, workloads: parts.plan.workloads.map(({ roundMs: _, ...w }) => w) } : null,
    recommendationChanges: recommendationChanges(parts.baseRun.workloads, parts.headRun.workloads, { seed: parts.settings.seed }),
    workloads: parts.headRun.workloads,
    baseWorkloads: parts.baseRun.workloads,
    environment: { ...parts.headRun.environment, runtimes: { ...parts.baseRun.environment.runtimes, ...parts.headRun.environment.runtimes } },
    settings: parts.settings,
    noise: summarizeNoise(comparisons),
    failures: [...treeFailures("base", parts.baseRun.workloads), ...treeFailures("head", parts.headRun.workloads), ...pairedFailures, ...parts.extraFailures ?? []],
    // Incomplete: interrupted, or a workload's gate got too few rounds to be looked at.
    incomplete: parts.incomplete || ungated.length > 0 || workloadChanges.some((w) => w.ci95 === null && w.error === void 0)
  };
}
function pairedSideCostMs(visit) {
  const measuredMs = visit.samples.reduce((sum, s) => sum + s.wallMs, 0);
  const batchMs = visit.samples.length ? measuredMs / visit.samples.length : 0;
  return Math.max(0, visit.elapsedMs - measuredMs) + Math.max(PAIRED_SAMPLE_MS2, PAIRED_MIN_BATCHES * batchMs);
}
function shareNodeModules(root, tree, configDir) {
  for (const dir of /* @__PURE__ */ new Set(["", configDir === "." ? "" : configDir])) {
    const source = join5(root, dir, "node_modules");
    const target = join5(tree, dir, "node_modules");
    if (existsSync5(source) && !existsSync5(target) && existsSync5(join5(tree, dir))) symlinkSync(source, target, "dir");
  }
}
async function loadTreeConfig(path, side2, ref2, shownPath) {
  if (!existsSync5(path)) throw new GitUsageError(`${shownPath} does not exist in the ${side2} tree (${ref2}): compare needs the same config file on both sides`);
  return loadConfigAsync(path);
}
async function compareCommand(options) {
  const cwd = resolve4(options.cwd ?? process.cwd());
  const started = performance.now();
  const configAbs = resolve4(cwd, options.configPath ?? DEFAULT_CONFIG_FILE);
  const root = await repoRoot(cwd);
  const configRel = relative2(root, configAbs);
  if (configRel.startsWith("..")) throw new GitUsageError(`the config ${configAbs} is outside the repository ${root}`);
  const baseSha = await resolveCommit(root, options.base);
  const headSha = options.head ? await resolveCommit(root, options.head) : await resolveCommit(root, "HEAD").catch(() => null);
  const jsonPath = resolve4(cwd, options.jsonPath ?? DEFAULT_COMPARE_FILE);
  const settings = compareSettings(options, configRel);
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const deadline = started + settings.timeBudgetSeconds * 1e3;
  const worktrees = [];
  try {
    const baseTree = await createWorktree(root, baseSha, { label: "base" });
    worktrees.push(baseTree);
    let headDir = root;
    if (options.head) {
      const headTree = await createWorktree(root, headSha, { label: "head" });
      worktrees.push(headTree);
      headDir = headTree.path;
    }
    const baseInfo = { ref: options.base, sha: baseSha };
    const headInfo = options.head ? { ref: options.head, sha: headSha } : { ref: "working tree", sha: headSha, dirty: await isDirty(root) };
    const baseConfig = await loadTreeConfig(join5(baseTree.path, configRel), "base", options.base, configRel);
    const headConfig = options.head ? await loadTreeConfig(join5(headDir, configRel), "head", options.head, configRel) : await loadConfigAsync(configAbs);
    for (const [side2, config2, ref2] of [["base", baseConfig, `${options.base}@${baseSha.slice(0, 7)}`], ["head", headConfig, options.head ?? "working tree"]]) {
      if (config2.prepare) await runPrepare(config2.prepare, config2.dir, side2, { signal: options.signal, label: ref2 });
    }
    for (const tree of worktrees) {
      const config2 = tree === worktrees[0] ? baseConfig : headConfig;
      if (!config2.prepare) shareNodeModules(root, tree.path, dirname3(configRel));
    }
    const trees = [];
    for (const [side2, info, config2] of [["base", baseInfo, baseConfig], ["head", headInfo, headConfig]]) {
      const probes = await ports.probe(config2.workloads, options.signal);
      for (const [name, p] of probes) options.onProgress?.({ type: "probe", workload: `${side2}: ${name}`, status: p.status === "ok" ? "ok" : `failed: ${p.error}` });
      trees.push({ side: side2, info, config: config2, probes, cells: treeCells(side2, config2.workloads, probes) });
    }
    const [base, head] = trees;
    const sweepMs = options.timeBudgetSeconds !== void 0 ? settings.timeBudgetSeconds * 1e3 * SWEEP_SHARE : SWEEP_MAX_MS;
    const visits = await sweepCells([...base.cells, ...head.cells], {
      deadline: performance.now() + sweepMs,
      seed: settings.seed,
      visit: ports.visit,
      signal: options.signal,
      onVisit: (e) => options.onProgress?.({ type: "visit", round: e.round, done: e.done, total: e.total, label: `sweep ${e.cell.key.split("\0")[0]} ${e.cell.workload.name} ${e.cell.model} x${e.cell.concurrency}`, status: e.outcome.status }),
      onRound: (round2, elapsedMs) => options.onProgress?.({ type: "round", round: round2, elapsedMs, phase: "sweep" })
    });
    const baseSweep = treeResults(base, visits, settings, true);
    const headSweep = treeResults(head, visits, settings, true);
    const targets = [];
    for (const h of headSweep.workloads) {
      const b = baseSweep.workloads.find((w) => w.name === h.name);
      const baseWorkload = base.config.workloads.find((w) => w.name === h.name);
      const headWorkload = head.config.workloads.find((w) => w.name === h.name);
      if (!b || !baseWorkload || b.status !== "ok" || h.status !== "ok") continue;
      const sweptCell = (w, model2, concurrency) => w.cells.find((c) => c.model === model2 && c.concurrency === concurrency);
      const cells = selectCells(b, h);
      const primary = primaryCell(b, h, cells);
      for (const cell2 of [...primary && !cells.includes(primary) ? [primary] : [], ...cells]) {
        const [bc, hc] = [sweptCell(b, cell2.model, cell2.concurrency), sweptCell(h, cell2.model, cell2.concurrency)];
        const oneTask = Math.max(taskMs(visits.get(`base\0${cellKey(h.name, cell2.model, cell2.concurrency)}`)?.[0]), taskMs(visits.get(`head\0${cellKey(h.name, cell2.model, cell2.concurrency)}`)?.[0]));
        targets.push({
          cell: cell2,
          metric: comparisonMetric(bc, hc, availableParallelism8()),
          pinToOneCpu: runsOnOneCpu(bc, hc),
          primary: cell2 === primary,
          // The primary runs one task at a time: its batches are sized to PAIRED_BATCH_MS.
          ...cell2 === primary && cell2.concurrency === 1 ? { batchTasks: batchTasksFor(headWorkload.tasks, 1, oneTask, PAIRED_BATCH_MS) } : {},
          // A batch of tiny tasks is repeated within a sample up to about PAIRED_BATCH_MS: each batch of a
          // stepped visit costs a round trip to the host, and 2 tasks of 1 us made a 6 s compare take 26-40 s.
          ...oneTask > 0 && headWorkload.tasks * oneTask < PAIRED_BATCH_MS / 2 ? { batchRepeat: Math.min(1e4, Math.floor(PAIRED_BATCH_MS / (headWorkload.tasks * oneTask))) } : {},
          base: baseWorkload,
          head: headWorkload
        });
      }
    }
    let plan2 = null;
    const snapshot = (states, incomplete) => {
      const all = new Map(visits);
      for (const s of states) {
        for (const side2 of ["base", "head"]) {
          const key = `${side2}\0${cellKey(s.target.cell.workload, s.target.cell.model, s.target.cell.concurrency)}`;
          all.set(key, [...all.get(key) ?? [], ...s.visits[side2]]);
        }
      }
      return buildCompareResults({
        base: baseInfo,
        head: headInfo,
        baseRun: treeResults(base, all, settings, incomplete),
        headRun: treeResults(head, all, settings, incomplete),
        states,
        settings,
        incomplete,
        plan: plan2
      });
    };
    const estimate = (target) => {
      let ms = 0;
      for (const side2 of ["base", "head"]) {
        const timed = (visits.get(`${side2}\0${cellKey(target.cell.workload, target.cell.model, target.cell.concurrency)}`) ?? []).filter((v) => v.elapsedMs > 0);
        ms += timed.length ? timed.reduce((sum, v) => sum + pairedSideCostMs(v), 0) / timed.length : 400 + PAIRED_SAMPLE_MS2;
      }
      return ms;
    };
    const run2 = await runPairedRounds(targets, {
      settings,
      deadline,
      sampleTimeMs: PAIRED_SAMPLE_MS2,
      descriptiveSampleTimeMs: DESCRIPTIVE_SAMPLE_MS,
      measureRound: ports.round,
      estimateRoundMs: estimate,
      signal: options.signal,
      onVisit: (e) => options.onProgress?.({ type: "visit", ...e }),
      onPlan: (p) => {
        plan2 = p;
        options.onProgress?.({ type: "plan", lines: describePlan(p, settings.threshold) });
      },
      onRound: (round2, soFar) => {
        writeJsonAtomic(jsonPath, snapshot(soFar, true));
        options.onProgress?.({ type: "round", round: round2, elapsedMs: performance.now() - started, phase: "paired" });
      }
    });
    plan2 = run2.plan;
    const interrupted = options.signal?.aborted ?? false;
    const results = snapshot(run2.states, interrupted);
    writeJsonAtomic(jsonPath, results);
    return { results, exitCode: compareExitCode(results, { failOnRegression: options.failOnRegression, interrupted }), jsonPath };
  } finally {
    for (const tree of worktrees) await tree.remove();
  }
}
function primaryCell(base, head, selected) {
  const ok = (w) => w.cells.some((c) => c.model === "sequential" && c.concurrency === 1 && c.status === "ok" && c.throughput.median > 0);
  if (ok(base) && ok(head)) return selected.find((c) => c.model === "sequential" && c.concurrency === 1) ?? { workload: head.name, model: "sequential", concurrency: 1, roles: [] };
  return selected[0];
}

// src/results/read.ts
import { glob, lstat, readFile } from "node:fs/promises";
import { resolve as resolve5 } from "node:path";

// src/results/schema.ts
init_types();
var check2 = (schema, fn) => Object.assign(fn, { schema });
var MAX_ERRORS = 10;
var push = (errors, message) => {
  if (errors.length < MAX_ERRORS) errors.push(message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?").slice(0, 300));
};
var str = (max = 2e3) => check2({ type: "string", maxLength: max }, (v, p, e) => {
  if (typeof v !== "string") push(e, `${p}: expected a string`);
  else if (v.length > max) push(e, `${p}: string longer than ${max} characters`);
});
var num = check2({ type: "number" }, (v, p, e) => {
  if (typeof v !== "number" || !Number.isFinite(v)) push(e, `${p}: expected a finite number`);
});
var int = check2({ type: "integer" }, (v, p, e) => {
  if (!Number.isSafeInteger(v)) push(e, `${p}: expected an integer`);
});
var bool = check2({ type: "boolean" }, (v, p, e) => {
  if (typeof v !== "boolean") push(e, `${p}: expected true or false`);
});
var nullable = (inner) => check2({ anyOf: [inner.schema, { type: "null" }] }, (v, p, e) => {
  if (v !== null) inner(v, p, e);
});
var oneOf = (...values) => check2(values.length === 1 ? { const: values[0] } : { enum: [...values] }, (v, p, e) => {
  if (!values.includes(v)) push(e, `${p}: expected one of ${values.map((x) => JSON.stringify(x)).join(", ")}`);
});
var arr = (item, max) => check2({ type: "array", maxItems: max, items: item.schema }, (v, p, e) => {
  if (!Array.isArray(v)) return push(e, `${p}: expected an array`);
  if (v.length > max) return push(e, `${p}: more than ${max} items`);
  v.forEach((x, i) => item(x, `${p}[${i}]`, e));
});
var pair = (item) => check2({ type: "array", minItems: 2, maxItems: 2, items: item.schema }, (v, p, e) => {
  if (!Array.isArray(v) || v.length !== 2) return push(e, `${p}: expected a pair`);
  v.forEach((x, i) => item(x, `${p}[${i}]`, e));
});
var obj = (shape) => {
  const fields = Object.entries(shape).map(([key, inner]) => ({ name: key.endsWith("?") ? key.slice(0, -1) : key, optional: key.endsWith("?"), inner }));
  const schema = {
    type: "object",
    properties: Object.fromEntries(fields.map((f) => [f.name, f.inner.schema])),
    required: fields.filter((f) => !f.optional).map((f) => f.name)
  };
  return Object.assign(
    check2(schema, (v, p, e) => {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
      const record = v;
      for (const { name, optional, inner } of fields) {
        if (!Object.hasOwn(record, name) || record[name] === void 0) {
          if (!optional) push(e, `${p}.${name}: missing`);
          continue;
        }
        inner(record[name], `${p}.${name}`, e);
      }
    }),
    { shape }
  );
};
var DEFS = /* @__PURE__ */ new Map();
var named = (name, inner) => {
  DEFS.set(name, inner.schema);
  const wrapper = (value, path, errors) => inner(value, path, errors);
  return Object.assign(wrapper, inner, { schema: { $ref: `#/$defs/${name}` } });
};
var facts = check2(
  {
    type: "object",
    maxProperties: 50,
    propertyNames: { maxLength: 100 },
    additionalProperties: { anyOf: [{ type: "string", maxLength: 500 }, { type: "number" }, { type: "boolean" }, { type: "null" }] }
  },
  (v, p, e) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
    const entries = Object.entries(v);
    if (entries.length > 50) return push(e, `${p}: more than 50 entries`);
    for (const [key, value] of entries) {
      if (key.length > 100) push(e, `${p}: key longer than 100 characters`);
      if (value !== null && !["string", "number", "boolean"].includes(typeof value)) push(e, `${p}.${key}: expected a plain value`);
      else if (typeof value === "string" && value.length > 500) push(e, `${p}.${key}: string longer than 500 characters`);
    }
  }
);
var mapOf = (inner, max) => check2({ type: "object", maxProperties: max, additionalProperties: inner.schema }, (v, p, e) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
  const entries = Object.entries(v);
  if (entries.length > max) return push(e, `${p}: more than ${max} entries`);
  for (const [key, value] of entries) inner(value, `${p}.${key}`, e);
});
var model = named("model", oneOf(...MODELS));
var MAX_WORKLOADS = 1e3;
var MAX_CELLS = 1e3;
var cell = named("cell", obj({
  model,
  concurrency: int,
  "workers?": int,
  status: oneOf("ok", "errored", "timed-out", "crashed"),
  "error?": str(),
  samples: num,
  rounds: num,
  throughput: obj({ median: nullable(num), ci95: pair(nullable(num)) }),
  latencyMs: obj({ p50: nullable(num), p99: nullable(num) }),
  cpuUtilization: nullable(num),
  "poolUtilization?": num,
  "overheadUtilization?": num,
  "runQueueShare?": num,
  "stealShare?": num,
  peakRssBytes: nullable(num),
  startupMs: nullable(num),
  speedup: nullable(num),
  "speedupWithheld?": str(),
  "paired?": obj({ speedup: num, ci95: pair(num), rounds: num, pairs: num, "spread?": num, "hosts?": arr(obj({ baseline: nullable(num), candidate: nullable(num) }), 1e4) }),
  "warmup?": obj({ medianMs: num, unsettled: num }),
  batchThroughputs: arr(num, 1e5),
  "batchesPerRound?": arr(int, 1e5),
  "hostRates?": arr(num, 1e5)
}));
var skippedCell = obj({ model, concurrency: int, reason: str() });
var recommendation = obj({
  model,
  concurrency: int,
  "workers?": int,
  speedup: num,
  "speedupRange?": pair(num),
  reason: str(),
  confidence: oneOf("high", "low"),
  "doubts?": arr(oneOf("within-noise", "one-round", "suspect-baseline", "model-not-measured", "not-enough-data"), 5),
  withinNoise: arr(model, MODELS.length)
});
var workload = named("workload", obj({
  name: str(500),
  runtime: oneOf("node", "python"),
  status: oneOf("ok", "failed"),
  "error?": str(),
  classification: nullable(oneOf("cpu-bound", "io-bound", "mixed")),
  sequentialCpuUtilization: nullable(num),
  recommendation: nullable(recommendation),
  cells: arr(cell, MAX_CELLS),
  "skipped?": arr(skippedCell, MAX_CELLS)
}));
var environment = named("environment", obj({
  cpus: int,
  cpuModel: str(300),
  node: str(100),
  os: str(300),
  arch: str(100),
  totalMemoryBytes: num,
  runtimes: mapOf(facts, 10)
}));
var tool = obj({ name: oneOf("concurrency-bench"), version: str(100) });
var runSettings = obj({ timeBudgetSeconds: num, margin: num, rounds: num, seed: num, config: str(1e3) });
var runResultsCheck = obj({
  schemaVersion: oneOf(1),
  kind: oneOf("run"),
  tool,
  incomplete: bool,
  environment,
  settings: runSettings,
  workloads: arr(workload, MAX_WORKLOADS)
});
var ref = obj({ ref: str(500), sha: nullable(str(64)), "dirty?": bool });
var side = obj({ throughput: nullable(num), peakRssBytes: nullable(num) });
var modelAt = nullable(obj({ model, concurrency: int, "workers?": int }));
var metric = oneOf("throughput", "cpu-time");
var decision = {
  verdict: oneOf("regression", "improvement", "unchanged", "inconclusive"),
  change: nullable(num),
  ci95: nullable(pair(num)),
  holmCi: nullable(pair(num)),
  holmLevel: num,
  rounds: num,
  roundSpread: nullable(num)
};
var comparison = obj({
  workload: str(500),
  model,
  concurrency: int,
  roles: arr(oneOf("best", "recommended"), 2),
  "metric?": metric,
  "gating?": bool,
  ...decision,
  base: side,
  head: side,
  memoryChange: nullable(num),
  memoryGrowth: bool,
  detectableChange: nullable(num),
  "roundRates?": obj({ base: arr(num, 1e5), head: arr(num, 1e5) }),
  "error?": str()
});
var workloadChange = obj({
  workload: str(500),
  cells: int,
  ...decision,
  "model?": model,
  "concurrency?": int,
  "metric?": metric,
  "detectableChange?": nullable(num),
  "plannedRounds?": int,
  "wantedRounds?": int,
  "error?": str()
});
var plan = obj({
  descriptiveRounds: int,
  capped: bool,
  workloads: arr(obj({ workload: str(500), spread: nullable(num), wanted: int, planned: int, detectable: nullable(num) }), MAX_WORKLOADS)
});
var recommendationChange = obj({ workload: str(500), base: modelAt, head: modelAt });
var compareSettings2 = obj({
  threshold: num,
  noiseFloor: num,
  memoryThreshold: num,
  alpha: num,
  timeBudgetSeconds: num,
  seed: num,
  resamples: num,
  config: str(1e3)
});
var compareFailure = obj({ tree: oneOf("base", "head"), "workload?": str(500), "model?": model, "concurrency?": int, message: str() });
var noise = obj({ roundSpread: nullable(num), detectableChange: nullable(num) });
var compareResultsCheck = obj({
  schemaVersion: oneOf(1),
  kind: oneOf("compare"),
  tool,
  base: ref,
  head: ref,
  paired: bool,
  regressions: int,
  improvements: int,
  "undecided?": int,
  "plan?": nullable(plan),
  comparisons: arr(comparison, MAX_WORKLOADS * MODELS.length * 2),
  "workloadChanges?": arr(workloadChange, MAX_WORKLOADS),
  recommendationChanges: arr(recommendationChange, MAX_WORKLOADS),
  workloads: arr(workload, MAX_WORKLOADS),
  "baseWorkloads?": arr(workload, MAX_WORKLOADS),
  environment,
  settings: compareSettings2,
  noise,
  failures: arr(compareFailure, MAX_WORKLOADS * 10),
  incomplete: bool
});
var anyResults = ((run2, compare2) => check2({ oneOf: [run2.schema, compare2.schema] }, (v, p, e) => {
  const kind = v?.kind;
  if (kind === "run") run2(v, p, e);
  else if (kind === "compare") compare2(v, p, e);
  else push(e, `${p}.kind: expected "run" or "compare"`);
}))(named("run", runResultsCheck), named("compare", compareResultsCheck));
var MAX_REPORT_ENTRIES = 32;
var reportEntry = obj({ file: str(1e3), environment: str(1e3), results: anyResults });
var reportResultsCheck = obj({
  schemaVersion: oneOf(1),
  kind: oneOf("report"),
  entries: arr(reportEntry, MAX_REPORT_ENTRIES)
});
var SHAPES = {
  RunResults: runResultsCheck.shape,
  RunSettings: runSettings.shape,
  Tool: tool.shape,
  Environment: environment.shape,
  WorkloadResult: workload.shape,
  CellResult: cell.shape,
  Recommendation: recommendation.shape,
  SkippedCell: skippedCell.shape,
  CompareResults: compareResultsCheck.shape,
  RefInfo: ref.shape,
  SideSummary: side.shape,
  Comparison: comparison.shape,
  WorkloadChange: workloadChange.shape,
  ComparePlan: plan.shape,
  RecommendationChange: recommendationChange.shape,
  CompareSettings: compareSettings2.shape,
  CompareFailure: compareFailure.shape,
  CompareNoise: noise.shape,
  ReportResults: reportResultsCheck.shape,
  ReportEntry: reportEntry.shape
};
function checkAnyResults(data, errors) {
  const kind = data?.kind;
  if (kind === "run") runResultsCheck(data, "$", errors);
  else if (kind === "compare") compareResultsCheck(data, "$", errors);
  else if (kind === "report") reportResultsCheck(data, "$", errors);
  else push(errors, '$.kind: expected "run", "compare" or "report"');
  return errors.length ? void 0 : data;
}

// src/results/read.ts
var MAX_RESULTS_BYTES = 8 * 1024 * 1024;
var UntrustedResultsError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UntrustedResultsError";
  }
};
async function loadUntrustedResults(file, cwd) {
  const checked2 = await readChecked(file, cwd);
  if (checked2.kind === "report") throw new UntrustedResultsError(`${JSON.stringify(file)}: a report file (it holds ${checked2.entries.length} results files); give one run or compare results file`);
  return { file, results: checked2 };
}
async function readChecked(file, cwd) {
  const path = resolve5(cwd, file);
  const info = await lstat(path);
  if (!info.isFile()) throw new UntrustedResultsError(`${JSON.stringify(file)}: not a regular file`);
  if (info.size > MAX_RESULTS_BYTES) throw new UntrustedResultsError(`${JSON.stringify(file)}: ${info.size} bytes, more than the ${MAX_RESULTS_BYTES} allowed`);
  const text = await readFile(path, "utf8");
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UntrustedResultsError(`${JSON.stringify(file)}: not JSON`);
  }
  return checkResults(data, file);
}
function checkResults(data, file) {
  const errors = [];
  const checked2 = checkAnyResults(data, errors);
  if (!checked2) throw new UntrustedResultsError(`${JSON.stringify(file)}: not a concurrency-bench results file: ${errors.join("; ")}`);
  return checked2;
}

// src/commands/compare-files.ts
var ResultsFileError = class extends Error {
  code = "RESULTS_FILE";
  exitCode = 2;
  constructor(message) {
    super(message);
    this.name = "ResultsFileError";
  }
};
async function readResultsFile(file, cwd = process.cwd()) {
  try {
    return (await loadUntrustedResults(file, cwd)).results;
  } catch (error) {
    if (error instanceof UntrustedResultsError) throw new ResultsFileError(error.message);
    if (error.code === "ENOENT") throw new ResultsFileError(`${JSON.stringify(file)}: no such file`);
    throw error;
  }
}
function workloadsOf(results) {
  return results.workloads;
}
function compareStored(base, head, labels, options = {}) {
  const settings = compareSettings({ ...options, timeBudgetSeconds: 0 }, head.settings.config);
  const baseWorkloads = workloadsOf(base);
  const headWorkloads = workloadsOf(head);
  const inputs = [];
  for (const h of headWorkloads) {
    const b = baseWorkloads.find((w) => w.name === h.name);
    if (!b || b.status !== "ok" || h.status !== "ok") continue;
    for (const cell2 of selectCells(b, h)) {
      const bc = b.cells.find((c) => c.model === cell2.model && c.concurrency === cell2.concurrency);
      const hc = h.cells.find((c) => c.model === cell2.model && c.concurrency === cell2.concurrency);
      inputs.push({ ...cell2, unpaired: { base: bc.batchThroughputs, head: hc.batchThroughputs, basePeakRssBytes: bc.peakRssBytes, headPeakRssBytes: hc.peakRssBytes } });
    }
  }
  const comparisons = orderComparisons(analyzeComparisons(inputs, settings), headWorkloads.map((w) => w.name));
  const failures = [];
  for (const [tree, list] of [["base", baseWorkloads], ["head", headWorkloads]]) {
    for (const w of list) if (w.status === "failed") failures.push({ tree, workload: w.name, message: w.error ?? "failed" });
  }
  const sha = (r) => r.kind === "compare" ? r.head.sha : null;
  return {
    schemaVersion: 1,
    kind: "compare",
    tool: { name: "concurrency-bench", version: VERSION },
    base: { ref: labels.base, sha: sha(base) },
    head: { ref: labels.head, sha: sha(head) },
    paired: false,
    regressions: comparisons.filter((c) => c.verdict === "regression").length,
    improvements: comparisons.filter((c) => c.verdict === "improvement").length,
    comparisons,
    recommendationChanges: recommendationChanges(baseWorkloads, headWorkloads),
    workloads: headWorkloads,
    baseWorkloads,
    environment: head.environment,
    settings,
    noise: summarizeNoise(comparisons),
    failures,
    incomplete: base.incomplete || head.incomplete
  };
}
async function compareFilesCommand(options) {
  const cwd = options.cwd ?? process.cwd();
  const base = await readResultsFile(options.baseFile, cwd);
  const head = await readResultsFile(options.headFile, cwd);
  const results = compareStored(base, head, { base: options.baseFile, head: options.headFile }, options);
  return { results, exitCode: compareExitCode(results, { failOnRegression: options.failOnRegression }) };
}

// src/report/gate-text.ts
function slowerOrFaster(change) {
  const size = formatChange(Math.abs(change)).replace("+", "");
  return change < 0 ? `${size} slower` : `${size} faster`;
}
function metricName(metric2) {
  return metric2 === "cpu-time" ? "throughput, from CPU time" : "throughput";
}
function gateVerdict(w, name) {
  const ci = w.ci95 ? ` (${formatChange(w.ci95[0])} to ${formatChange(w.ci95[1])})` : "";
  switch (w.verdict) {
    case "regression":
    case "improvement":
      return `${name} ${slowerOrFaster(w.change ?? 0)}${ci}`;
    case "unchanged":
      return `${name} unchanged`;
    default:
      return w.error ? `${name} failed to measure` : `${name} not decided`;
  }
}
function undecidedReason(w) {
  if (w.error) return "a side failed to measure";
  if (w.ci95 === null) return `${w.rounds === 0 ? "no paired round" : `only ${w.rounds} paired round${w.rounds === 1 ? "" : "s"}`} within the budget`;
  const planned = w.wantedRounds !== void 0 && w.plannedRounds !== void 0 && w.plannedRounds < w.wantedRounds ? `; the budget paid for ${w.rounds} of the ${w.wantedRounds > 60 ? "over 60" : w.wantedRounds} rounds it needed` : "";
  return `smallest change it could flag: ${formatDetectable(w.detectableChange)}${planned}`;
}
function gateCounts(results) {
  const gates = results.workloadChanges ?? [];
  return {
    slower: gates.filter((w) => w.verdict === "regression").length,
    faster: gates.filter((w) => w.verdict === "improvement").length,
    unchanged: gates.filter((w) => w.verdict === "unchanged").length,
    undecided: results.undecided ?? gates.filter((w) => w.verdict === "inconclusive").length
  };
}

// src/report/compare-terminal.ts
var ANSI2 = { bold: "\x1B[1m", dim: "\x1B[2m", green: "\x1B[32m", red: "\x1B[31m", yellow: "\x1B[33m", reset: "\x1B[0m" };
var paint2 = (style, codes, text) => style.color ? `${codes}${text}${ANSI2.reset}` : text;
var pad2 = (text, width, align) => {
  const fill2 = " ".repeat(Math.max(0, width - [...text].length));
  return align === "l" ? text + fill2 : fill2 + text;
};
var plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
function row(c, paired) {
  return [
    terminalSafe(c.workload),
    (c.model === "sequential" ? "sequential" : `${c.model} x${c.concurrency}`) + (paired && c.gating ? " (gate)" : ""),
    c.gating || c.verdict === "unchanged" || c.verdict === "inconclusive" ? c.verdict : `${c.verdict} (not gating)`,
    c.metric === "cpu-time" ? "cpu time" : "throughput",
    formatChange(c.change),
    c.ci95 ? `${formatChange(c.ci95[0])} .. ${formatChange(c.ci95[1])}` : "-",
    String(c.rounds),
    `${formatNumber(c.base.throughput)} -> ${formatNumber(c.head.throughput)}`,
    c.error ? terminalSafe(c.error).slice(0, 60) : c.rounds === 0 ? "no paired round within the budget" : c.memoryGrowth ? `memory ${formatChange(c.memoryChange, 0)}` : ""
  ];
}
function renderCompareTerminal(results, style = { color: false, width: 120 }) {
  const lines = [];
  const changes = results.recommendationChanges.length;
  const gates = results.workloadChanges ?? [];
  const gated = results.paired && gates.length > 0;
  const verdicts = gated ? gates.map((g) => gateVerdict(g, terminalSafe(g.workload))) : [results.regressions ? plural(results.regressions, "regression") : "no regression", results.improvements ? plural(results.improvements, "improvement") : ""];
  const headline = [
    gated ? "" : plural(results.workloads.length, "workload"),
    ...verdicts,
    changes ? `${plural(changes, "recommendation")} changed` : "recommendations unchanged",
    results.incomplete ? "INCOMPLETE" : ""
  ].filter(Boolean);
  lines.push(paint2(style, ANSI2.bold + (results.regressions ? ANSI2.red : ANSI2.green), `concurrency-bench compare: ${headline.join(" · ")}`));
  lines.push(
    `head ${formatRef(results.head.ref, results.head.sha, terminalSafe)}${results.head.dirty ? " + uncommitted changes" : ""} vs base ${formatRef(results.base.ref, results.base.sha, terminalSafe)}${results.paired ? "" : paint2(style, ANSI2.yellow, " · UNPAIRED (stored files): less reliable")}`
  );
  const header = ["workload", "cell", "verdict", "measured on", "change", "95% CI", "rounds", "tasks/s base -> head", ""];
  const rows = results.comparisons.map((c) => row(c, gated));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  lines.push("", paint2(style, ANSI2.dim, "  " + header.map((h, i) => pad2(h, widths[i], i >= 4 && i <= 6 ? "r" : "l")).join("  ")));
  results.comparisons.forEach((c, i) => {
    const text = "  " + rows[i].map((v, k) => pad2(v, widths[k], k >= 4 && k <= 6 ? "r" : "l")).join("  ");
    const color = c.verdict === "regression" ? ANSI2.red + ANSI2.bold : c.verdict === "improvement" ? ANSI2.green : c.verdict === "inconclusive" ? ANSI2.yellow : "";
    lines.push(color ? paint2(style, color, text) : text);
  });
  for (const w of gates) {
    const on = `${w.model === "sequential" ? "sequential" : `${w.model} x${w.concurrency}`} (${metricName(w.metric)}), ${plural(w.rounds, "round")}`;
    const text = w.verdict === "inconclusive" ? `  gate ${terminalSafe(w.workload)}: not decided (${on}; ${undecidedReason(w)})` : `  gate ${terminalSafe(w.workload)}: ${w.verdict} ${formatChange(w.change)}${w.ci95 ? ` (95% CI ${formatChange(w.ci95[0])} .. ${formatChange(w.ci95[1])})` : ""} (${on}; smallest change it could flag ${formatDetectable(w.detectableChange)})`;
    const color = w.verdict === "regression" ? ANSI2.red + ANSI2.bold : w.verdict === "improvement" ? ANSI2.green : w.verdict === "inconclusive" ? ANSI2.yellow : "";
    lines.push(color ? paint2(style, color, text) : text);
  }
  for (const c of results.recommendationChanges) {
    const show = (r) => r ? cellName(r) : "none";
    lines.push(paint2(style, ANSI2.yellow, `  recommendation for ${terminalSafe(c.workload)}: ${show(c.base)} -> ${show(c.head)}`));
  }
  for (const f of results.failures) lines.push(paint2(style, ANSI2.red, `  ${f.tree}${f.workload ? ` ${terminalSafe(f.workload)}` : ""}: ${terminalSafe(f.message).slice(0, 200)}`));
  if (results.noise.roundSpread !== null) {
    lines.push(paint2(style, ANSI2.dim, `  noise: ±${(results.noise.roundSpread * 100).toFixed(1)}% per round${gated ? "" : `; smallest change this run could flag: ${formatDetectable(results.noise.detectableChange)}`}`));
  }
  lines.push("", ...results.workloads.map((w) => renderWorkload(w, style) + "\n"));
  return lines.join("\n");
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table3, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table3.length) {
    const row3 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table3[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table3[rowIndex].length;
    }
    while (++columnIndex2 < table3[rowIndex].length) {
      const cell2 = serialize(table3[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell2);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row3.push(cell2);
    }
    cellMatrix[rowIndex] = row3;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row2 = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell2 = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row2[columnIndex] = cell2;
  }
  cellMatrix.splice(1, 0, row2);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row3 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line2 = [];
    while (++columnIndex < cellsInRow) {
      const cell2 = row3[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line2.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell2 === "") && (settings.delimiterStart !== false || columnIndex)) {
        line2.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line2.push(before);
      }
      line2.push(cell2);
      if (settings.alignDelimiters !== false) {
        line2.push(after);
      }
      if (settings.padding !== false) {
        line2.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line2.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line2.join("").replace(/ +$/, "") : line2.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/markdown.ts
init_types();

// src/report/escape.ts
var MAX_USER_STRING = 300;
var ZERO_WIDTH_SPACE = "​";
function escapeMarkdown(value, maxLength = MAX_USER_STRING) {
  return escapeHtml(value, maxLength).replace(/[\\*_[\]~!|]/g, (c) => `\\${c}`).replace(/^([+\-=])(\s)/, "\\$1$2").replace(/^(\d+)([.)])(\s)/, "$1\\$2$3");
}
function escapeHtml(value, maxLength = MAX_USER_STRING) {
  let text = String(value ?? "");
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "");
  text = text.replace(/\s*[\r\n]+\s*/g, " ").replace(/\t/g, " ");
  if (text.length > maxLength) text = `${text.slice(0, maxLength - 1)}…`;
  return text.replace(/([@#])(?=\S)/g, `$1${ZERO_WIDTH_SPACE}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/`/g, "&#96;");
}

// src/report/markdown.ts
var DEFAULT_MAX_LENGTH = 6e4;
var MAX_LIST_ITEMS = 20;
var DEFAULT_COMPARE_BUDGET_SECONDS = 600;
var plural2 = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
var cellLabel = (model2, concurrency, workers) => cellName({ model: model2, concurrency, ...workers !== void 0 ? { workers } : {} });
function safeUrl(url) {
  if (!url || url.length > 2e3) return void 0;
  return /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~%/+@=-]*)?$/.test(url) ? url : void 0;
}
function shortSha(sha) {
  return /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : escapeMarkdown(sha, 12);
}
function formatTime(iso) {
  if (!iso) return "";
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return "";
  return `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
var PLAIN_PATH = /^[A-Za-z0-9._/@+-]+$/;
function reproduceCommand(results) {
  const sha = results.base.sha;
  if (!results.paired || !sha || !/^[0-9a-f]{7,64}$/i.test(sha)) return null;
  const s = results.settings;
  const args = ["npx concurrency-bench compare", `--base ${sha.toLowerCase()}`];
  if (s.config && !DEFAULT_CONFIG_FILES.includes(s.config)) {
    if (!PLAIN_PATH.test(s.config) || s.config.startsWith("-")) return null;
    args.push(`--config ${s.config}`);
  }
  if (Number.isFinite(s.threshold) && s.threshold !== COMPARE_DEFAULTS.threshold) args.push(`--threshold ${Number((s.threshold * 100).toFixed(2))}`);
  if (Number.isFinite(s.alpha) && s.alpha !== COMPARE_DEFAULTS.alpha) args.push(`--alpha ${s.alpha}`);
  if (Number.isFinite(s.timeBudgetSeconds) && s.timeBudgetSeconds > 0 && s.timeBudgetSeconds !== DEFAULT_COMPARE_BUDGET_SECONDS) args.push(`--time-budget ${s.timeBudgetSeconds}`);
  return args.join(" ");
}
function contextFooter(context, reproduce) {
  const parts = [];
  const run2 = safeUrl(context?.runUrl);
  if (run2) parts.push(`[Workflow run](${run2})`);
  const when = formatTime(context?.updatedAt);
  const sha = context?.head?.sha ? shortSha(context.head.sha) : "";
  if (when) parts.push(`updated${sha ? ` for ${sha}` : ""} at ${when}`);
  if (reproduce) parts.push(`reproduce locally: \`${reproduce}\``);
  return parts.length ? `<sub>${parts.join(" · ")}</sub>` : "";
}
function methodLink(context) {
  const url = safeUrl(context?.methodUrl);
  return url ? `[how compare decides](${url})` : "how compare decides: docs/compare-method.md in concurrency-bench";
}
function rowsFor(workload2, comparisons) {
  const rows = [];
  const rec = workload2.recommendation;
  const reason = rec?.reason ?? "";
  const named2 = (c) => reason.includes(`${c.model} x`) && new RegExp(`(?<![+\\w])${c.model.replace("+", "\\+")} x[0-9.]+ at ${unit(c.model, c.concurrency, c.workers)}(?![\\w ]*x \\d)`).test(reason);
  for (const model2 of MODELS) {
    const cells = workload2.cells.filter((c) => c.model === model2).sort((a, b) => a.concurrency - b.concurrency);
    if (cells.length === 0) continue;
    const compared = comparisons ? cells.filter((c) => findComparison(comparisons, c)) : [];
    if (compared.length > 0) rows.push(...compared);
    else {
      const ok = cells.filter((c) => c.status === "ok");
      rows.push(ok.length ? ok.reduce((a, b) => b.throughput.median > a.throughput.median ? b : a) : cells[0]);
    }
    const recommended = rec && rec.model === model2 ? cells.find((c) => c.concurrency === rec.concurrency) : void 0;
    if (recommended && !rows.includes(recommended)) rows.push(recommended);
    for (const c of cells) if (named2(c) && !rows.includes(c)) rows.push(c);
    for (const c of cells) if (c.status !== "ok" && !rows.includes(c)) rows.push(c);
  }
  return rows;
}
function directionMark(change, digits = 1) {
  const text = formatChange(change, digits);
  return text.startsWith("-") ? "▼ " : text.startsWith("+") ? "▲ " : "";
}
function changeCell(c) {
  if (!c) return "- (not compared)";
  if (c.change === null) return `? not measured${c.error ? `: ${escapeMarkdown(c.error, 120)}` : c.rounds === 0 ? " (no paired round within the budget)" : ""}`;
  const arrow = directionMark(c.change);
  const cpu = c.metric === "cpu-time" ? " · from CPU time" : "";
  if (!c.ci95) return `❔ ${arrow}${formatChange(c.change)} (${plural2(c.rounds, "round")})${cpu} · inconclusive`;
  const ci = `(${formatChange(c.ci95[0])} to ${formatChange(c.ci95[1])})${cpu}`;
  const gate = c.gating ? " · 🚦 gate" : "";
  switch (c.verdict) {
    case "regression":
      return c.gating ? `🔴 ${arrow}**${formatChange(c.change)}** ${ci}${gate}` : `🟠 ${arrow}${formatChange(c.change)} ${ci} · slower here, not gating`;
    case "improvement":
      return c.gating ? `🟢 ${arrow}**${formatChange(c.change)}** ${ci}${gate}` : `${arrow}${formatChange(c.change)} ${ci} · faster here, not gating`;
    case "unchanged":
      return `${arrow}${formatChange(c.change)} ${ci}${gate}`;
    default:
      return `❔ ${arrow}${formatChange(c.change)} ${ci} · ${c.gating ? "not decided" : "inconclusive"}${gate}`;
  }
}
var baseToHead = (base, head) => `${base} → ${head}`;
function findComparison(comparisons, cell2) {
  return comparisons.find((c) => c.model === cell2.model && c.concurrency === cell2.concurrency);
}
function table2(workload2, comparisons, base) {
  const rec = workload2.recommendation;
  const header = comparisons ? ["model", "concurrency", "tasks/s, base → head", "throughput change (95% CI)", "vs sequential", "p99 latency", "CPU", "peak memory, base → head"] : ["model", "concurrency", "throughput (tasks/s)", "vs sequential", "p99 latency", "CPU", "peak memory"];
  const rows = rowsFor(workload2, comparisons).map((cell2) => {
    const recommended = rec?.model === cell2.model && rec.concurrency === cell2.concurrency;
    const name = recommended ? `✅ **${cell2.model}**` : cell2.model;
    const failed = cell2.status !== "ok";
    const fail = `❌ ${cell2.status}${cell2.error ? `: ${escapeMarkdown(cell2.error, 120)}` : ""}`;
    if (!comparisons) {
      return failed ? [name, levelLabel(cell2), fail, "-", "-", "-", "-"] : [
        name,
        levelLabel(cell2),
        `${formatNumber(cell2.throughput.median)} (${formatNumber(cell2.throughput.ci95[0])} to ${formatNumber(cell2.throughput.ci95[1])})`,
        speedupLabel(cell2),
        formatMs(cell2.latencyMs.p99),
        formatUtilization(cell2.cpuUtilization),
        formatBytes(cell2.peakRssBytes)
      ];
    }
    const c = findComparison(comparisons, cell2);
    const baseCell = base?.cells.find((b) => b.model === cell2.model && b.concurrency === cell2.concurrency && b.status === "ok");
    const tasks = baseToHead(formatNumber(c?.base.throughput ?? baseCell?.throughput.median), failed ? "❌" : formatNumber(c?.head.throughput ?? cell2.throughput.median));
    const memory = baseToHead(formatBytes(c?.base.peakRssBytes ?? baseCell?.peakRssBytes), failed ? "-" : formatBytes(c?.head.peakRssBytes ?? cell2.peakRssBytes)) + (c?.memoryGrowth ? ` ⚠️ ${formatChange(c.memoryChange, 0)}` : "");
    if (failed) return [name, levelLabel(cell2), tasks, `${fail}${c ? ` · ${changeCell(c)}` : ""}`, "-", "-", "-", memory];
    return [name, levelLabel(cell2), tasks, changeCell(c), speedupLabel(cell2), formatMs(cell2.latencyMs.p99), formatUtilization(cell2.cpuUtilization), memory];
  });
  const align = comparisons ? ["l", "r", "r", "l", "r", "r", "r", "r"] : ["l", "r", "r", "r", "r", "r", "r"];
  return markdownTable([header, ...rows], { align, alignDelimiters: false });
}
var HEAD_COLOUR = "#4e79a7";
var BASE_COLOUR = "#8c8c8c";
var SEQUENTIAL_COLOUR = "#e15759";
var REFERENCE_LINE_MAX = 2.5;
function charts(workload2, base, compare2) {
  const sequential = workload2.cells.find((c) => c.model === "sequential" && c.concurrency === 1 && c.status === "ok");
  const blocks = [];
  for (const model2 of MODELS) {
    if (model2 === "sequential") continue;
    const cells = workload2.cells.filter((c) => c.model === model2 && c.status === "ok").sort((a, b) => a.concurrency - b.concurrency);
    if (cells.length < 2) continue;
    const baseCells = base?.cells.filter((c) => c.model === model2 && c.status === "ok") ?? [];
    const baseValues = cells.map((c) => baseCells.find((b) => b.concurrency === c.concurrency)?.throughput.median);
    const withBase = baseCells.length > 0 && baseValues.every((v) => v !== void 0);
    const values = cells.map((c) => c.throughput.median);
    const plotted = [...values, ...withBase ? baseValues : []];
    const tallest = Math.max(...plotted);
    const seq = sequential?.throughput.median;
    const seqLine = seq !== void 0 && seq > 0 && seq <= tallest * REFERENCE_LINE_MAX;
    const top = niceTop(Math.max(tallest, seqLine ? seq : 0) * 1.1);
    const series = [`bars: ${compare2 ? "head" : "tasks/s"}`, withBase ? "grey line: base" : "", seqLine ? "red line: sequential" : ""].filter(Boolean);
    const offChart = seq !== void 0 && seq > 0 && !seqLine ? ` - sequential ${formatNumber(seq)} tasks/s is off the chart` : "";
    const colours = [HEAD_COLOUR, ...withBase ? [BASE_COLOUR] : [], ...seqLine ? [SEQUENTIAL_COLOUR] : []];
    const lines = [
      "```mermaid",
      "---",
      "config:",
      "  xyChart:",
      "    showLegend: true",
      "  themeVariables:",
      "    xyChart:",
      `      plotColorPalette: "${colours.join(", ")}"`,
      "---",
      "xychart-beta",
      `    title "${chartText(`${model2} - ${series.join(" / ")}${offChart}`)}"`,
      `    x-axis "${model2 === "async" ? "tasks in flight" : model2 === "thread" ? "threads" : model2 === "process" ? "processes" : "workers x in flight"}" [${cells.map((c) => `"${levelLabel(c)}"`).join(", ")}]`,
      `    y-axis "tasks/s" 0 --> ${chartNumber(top)}`,
      `    bar "${compare2 ? "head" : model2}" [${values.map(chartNumber).join(", ")}]`
    ];
    if (withBase) lines.push(`    line "base" [${baseValues.map(chartNumber).join(", ")}]`);
    if (seqLine) lines.push(`    line "sequential" [${cells.map(() => chartNumber(seq)).join(", ")}]`);
    lines.push("```");
    blocks.push(lines.join("\n"));
  }
  if (blocks.length === 0) return "";
  const what = compare2 ? "throughput by concurrency, base and head (single sweep visits, not paired: the table has the measured changes)" : "throughput by concurrency";
  return `<details><summary>Chart: ${what}</summary>

${blocks.join("\n\n")}

</details>`;
}
function chartText(text) {
  return text.replace(/[",;#`<>{}[\]]/g, "");
}
function niceTop(value) {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * power >= value * (1 - 1e-9)) ?? 10;
  return step * power;
}
function chartNumber(value) {
  if (!Number.isFinite(value) || value <= 0) return "0";
  return String(Number(value.toPrecision(3)));
}
function workloadHeading(w) {
  if (w.status === "failed" || !w.recommendation) return `#### ❌ ${escapeMarkdown(w.name)}: failed${w.error ? ` - ${escapeMarkdown(w.error)}` : ""}`;
  const r = w.recommendation;
  return `#### ${escapeMarkdown(w.name)}: ${cellLabel(r.model, r.concurrency, r.workers)} (${formatRecommendedSpeedup(r)} sequential)`;
}
function workloadLine(w, whole) {
  const rec = w.recommendation ? `${cellLabel(w.recommendation.model, w.recommendation.concurrency, w.recommendation.workers)}, ${formatRecommendedSpeedup(w.recommendation)} sequential` : "failed";
  const change = !whole ? "" : whole.verdict === "regression" ? ` · 🔴 ${gateVerdict(whole, "").trim()}` : whole.verdict === "improvement" ? ` · 🟢 ${gateVerdict(whole, "").trim()}` : whole.verdict === "inconclusive" ? " · ❔ not decided" : " · unchanged";
  return `- **${escapeMarkdown(w.name)}**: ${rec}${change}`;
}
var gateBasis = (g) => `${cellLabel(g.model, g.concurrency)} cell's ${metricName(g.metric)}`;
function gateFigures(g, withChange) {
  const ci = g.ci95 ? `95% CI ${formatChange(g.ci95[0])} to ${formatChange(g.ci95[1])}` : "";
  return [withChange && g.change !== null ? formatChange(g.change) : "", ci].filter(Boolean).join(", ");
}
function gateSummary(g) {
  switch (g.verdict) {
    case "regression":
    case "improvement":
      return `**${slowerOrFaster(g.change ?? 0)}** (${gateFigures(g, false)}`;
    case "unchanged":
      return `**unchanged** (${gateFigures(g, true)}`;
    default: {
      if (g.error) return "**failed to measure** (no figures: a side failed, see below";
      const figures = gateFigures(g, true);
      return `**not decided** (${figures ? `${figures}; ` : ""}${undecidedReason(g)}`;
    }
  }
}
function gateLine(g) {
  const mark = g.verdict === "regression" ? "🔴 " : g.verdict === "improvement" ? "🟢 " : g.verdict === "inconclusive" ? "❔ " : "";
  return `🚦 Gate: ${mark}${gateSummary(g)}; ${gateBasis(g)}; ${plural2(g.rounds, "round")})`;
}
function reasonText(w) {
  const r = w.recommendation;
  const cls = w.classification && !r.reason.toLowerCase().startsWith(w.classification) ? `**${w.classification}**. ` : "";
  const cut = r.reason.length > REASON_LENGTH;
  const explained = r.doubts !== void 0 ? !cut : /within noise|one round/i.test(r.reason);
  const why = r.doubts?.length ? doubtsText(r.doubts) : "a costlier model was within noise of it";
  const note = r.confidence === "low" && !explained ? ` _(not sure: ${why})_` : "";
  return `${cls}${escapeMarkdown(r.reason, REASON_LENGTH)}${note}`;
}
var REASON_LENGTH = 600;
function section(w, base, comparisons, failures, whole) {
  const mine = comparisons ?? [];
  const notable = comparisons === null || w.status === "failed" || failures.length > 0 || whole !== void 0 && whole.verdict !== "unchanged" || mine.some((c) => c.verdict === "regression" || c.memoryGrowth || c.change === null) || w.cells.some((c) => c.status !== "ok");
  const lines = notable ? [workloadHeading(w)] : [];
  if (whole) lines.push(gateLine(whole));
  if (w.recommendation) lines.push(reasonText(w));
  for (const f of failures) lines.push(`> ❌ ${f}`);
  const head = lines.join("\n\n");
  const notes = cellNotes(w).map((note) => `- ${escapeMarkdown(note, 400)}`).join("\n");
  const tbl = w.cells.length ? [table2(w, comparisons, base), notes].filter(Boolean).join("\n\n") : "";
  const chart = charts(w, base, comparisons !== null);
  const full = [head, tbl, chart].filter(Boolean).join("\n\n");
  const short = [head, tbl].filter(Boolean).join("\n\n");
  const fold = (body) => {
    const r = w.recommendation;
    const rec = !r ? "" : r.model === "sequential" ? " · sequential recommended" : ` · ${cellLabel(r.model, r.concurrency, r.workers)} recommended (${formatRecommendedSpeedup(r)} sequential)`;
    const verdict = whole ? `: ${gateSummary(whole).replace(/\*\*/g, "")})` : "";
    return `<details><summary><strong>${escapeHtml(w.name)}</strong>${verdict}${rec}</summary>

${body}

</details>`;
  };
  return {
    variants: {
      full: notable ? full : fold(full),
      table: notable ? short : fold(short),
      line: workloadLine(w, whole)
    },
    notable
  };
}
function groupBy(items, key) {
  const map = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
function environmentLine(results) {
  const e = results.environment;
  const extra = Object.entries(e.runtimes ?? {}).filter(([id, facts2]) => id !== "node" && typeof facts2?.version === "string").map(([id, facts2]) => `${escapeMarkdown(id, 40)} ${escapeMarkdown(facts2.version, 40)}`);
  const parts = [`${plural2(e.cpus, "core")} (${escapeMarkdown(e.cpuModel, 80)})`, `Node ${escapeMarkdown(e.node, 40)}`, ...extra, `${escapeMarkdown(e.os, 60)} ${escapeMarkdown(e.arch, 20)}`];
  return `<sub>Environment: ${parts.join(" · ")} · concurrency-bench ${escapeMarkdown(results.tool.version, 40)}</sub>`;
}
function cappedList(items) {
  if (items.length <= MAX_LIST_ITEMS) return items;
  return [...items.slice(0, MAX_LIST_ITEMS), `- ... and ${items.length - MAX_LIST_ITEMS} more`];
}
function assemble(header, sections, footer, maxLength) {
  const join6 = (parts) => parts.filter(Boolean).join("\n\n") + "\n";
  const build = (detail, note2, shown = sections.length) => {
    const body = sections.slice(0, shown).map((s) => s.variants[detail(s)]);
    const blocks = [];
    for (const [i, text] of body.entries()) {
      if (i > 0 && detail(sections[i]) === "line" && detail(sections[i - 1]) === "line") blocks[blocks.length - 1] += `
${text}`;
      else blocks.push(text);
    }
    const omitted = sections.length - shown;
    const tail = omitted > 0 ? `_... and ${plural2(omitted, "more workload")} not shown._` : "";
    return join6([header, ...blocks, tail, note2, footer]);
  };
  const trimmedNote = (what) => `_Report trimmed to stay under GitHub's comment size limit: ${what}. The JSON results file has everything._`;
  const attempts = [
    [() => "full", ""],
    [() => "table", trimmedNote("charts omitted")],
    [(s) => s.notable ? "table" : "line", trimmedNote("charts omitted; tables shown only for workloads that need attention")],
    [() => "line", trimmedNote("charts and tables omitted")]
  ];
  for (const [detail, note2] of attempts) {
    const text = build(detail, note2);
    if (text.length <= maxLength) return text;
  }
  const note = trimmedNote("charts and tables omitted, and only the first workloads listed");
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(() => "line", note, mid).length <= maxLength) lo = mid;
    else hi = mid - 1;
  }
  return build(() => "line", note, lo);
}
function renderRunMarkdown(results, options = {}) {
  const failed = results.workloads.filter((w) => w.status === "failed").length;
  const counts = /* @__PURE__ */ new Map();
  for (const w of results.workloads) if (w.recommendation) counts.set(w.recommendation.model, (counts.get(w.recommendation.model) ?? 0) + 1);
  const recommended = MODELS.filter((m) => counts.has(m)).map((m) => `${counts.get(m)} ${m}`);
  const headline = [
    `**concurrency-bench**: ${plural2(results.workloads.length, "workload")}`,
    recommended.length ? `recommended: ${recommended.join(", ")}` : "",
    failed ? `❌ ${failed} failed` : "",
    results.incomplete ? "⚠️ incomplete" : ""
  ].filter(Boolean);
  const unsteady = unsteadyBaselineText(unsteadyWorkloads(results), (name) => `**${escapeMarkdown(name, 80)}**`);
  const header = [`### ${failed ? "❌" : "✅"} ${headline.join(" · ")}`, unsteady ? `> [!WARNING]
> ${unsteady}` : ""].filter(Boolean).join("\n\n");
  const sections = results.workloads.map((w) => section(w, void 0, null, []));
  const footer = [
    `<sub>Throughput = tasks / batch wall time, median of ${results.settings.rounds ? "interleaved rounds in fresh processes" : "batches"} with its 95% CI; a costlier model is recommended only when it beats a cheaper one by ${Math.round(results.settings.margin * 100)}% with 95% confidence.</sub>`,
    environmentLine(results)
  ].join("\n") + (options.context ? `

${contextFooter(options.context, null)}` : "");
  return assemble(header, sections, footer, options.maxLength ?? DEFAULT_MAX_LENGTH);
}
function renderCompareMarkdown(results, options = {}) {
  const gates = results.workloadChanges ?? [];
  const gated = results.paired && gates.length > 0;
  const regressions = results.comparisons.filter((c) => c.verdict === "regression" && (c.gating ?? true));
  const counts = gateCounts(results);
  const regressionCount = results.regressions;
  const improvementCount = results.improvements;
  const memory = results.comparisons.filter((c) => c.memoryGrowth);
  const changes = results.recommendationChanges;
  const failedWorkloads = results.workloads.filter((w) => w.status === "failed").length;
  const problem = regressionCount > 0 || failedWorkloads > 0 || results.failures.length > 0;
  const undecided = gates.filter((g) => g.verdict === "inconclusive");
  const MAX_HEADLINE = 6;
  const notable = gates.filter((g) => g.verdict !== "unchanged");
  const shown = notable.slice(0, MAX_HEADLINE).map((g) => gateVerdict(g, `**${escapeMarkdown(g.workload, 80)}**`));
  const quiet = gates.length - notable.length;
  const verdicts = gated ? [
    ...shown,
    notable.length > MAX_HEADLINE ? `${notable.length - MAX_HEADLINE} more` : "",
    quiet ? notable.length === 0 ? `${plural2(quiet, "workload")} unchanged` : `${quiet} unchanged` : ""
  ] : [regressionCount ? `**${plural2(regressionCount, "regression")}**` : "no regression", improvementCount ? plural2(improvementCount, "improvement") : ""];
  const headline = [
    ...verdicts,
    changes.length ? `${plural2(changes.length, "recommendation")} changed` : "",
    memory.length ? `${plural2(memory.length, "memory increase")}` : "",
    failedWorkloads ? `❌ ${failedWorkloads} failed` : "",
    results.incomplete ? "⚠️ incomplete" : ""
  ].filter(Boolean);
  const mark = problem ? "🔴" : counts.undecided > 0 ? "❔" : "✅";
  const ref2 = (r) => formatRef(r.ref, r.sha, (t) => escapeMarkdown(t, 80));
  const context = options.context;
  const prHead = context?.head?.ref && context.head.sha ? `**${escapeMarkdown(context.head.ref, 80)}** (${shortSha(context.head.sha)})` : "";
  const prBase = context?.base?.ref && context.base.sha ? `${escapeMarkdown(context.base.ref, 80)} (${shortSha(context.base.sha)})` : "";
  const refs = `Comparing ${prHead || `${ref2(results.head)}${results.head.dirty ? " with uncommitted changes" : ""}`} against base ${prBase || ref2(results.base)}.`;
  const blocks = [`### ${mark} ${headline.join(" · ")}`, refs];
  if (!results.paired) {
    blocks.push("> [!WARNING]\n> Unpaired comparison of two stored results files: machine drift between the two runs is not cancelled, so these verdicts are **less reliable** than a paired `compare --base`.");
  }
  const threshold2 = `${Math.round(results.settings.threshold * 100)}%`;
  if (gated && counts.slower > 0) {
    const items = gates.filter((g) => g.verdict === "regression").map((g) => `> - **${escapeMarkdown(g.workload)}**: ${gateSummary(g)}; ${gateBasis(g)}; ${plural2(g.rounds, "round")})`);
    blocks.push(["> [!CAUTION]", `> ${plural2(counts.slower, "workload")} slower beyond the ${threshold2} threshold:`, ...cappedList(items).map((l) => l.startsWith(">") ? l : `> ${l}`)].join("\n"));
  } else if (!gated && regressionCount) {
    const items = regressions.map(
      (c) => `> - **${escapeMarkdown(c.workload)}** · ${cellLabel(c.model, c.concurrency)}: ${metricName(c.metric)} **${formatChange(c.change)}** (95% CI ${formatChange(c.ci95?.[0])} to ${formatChange(c.ci95?.[1])}, ${plural2(c.rounds, "round")})`
    );
    blocks.push(["> [!CAUTION]", `> **${plural2(regressionCount, "regression")}** beyond the ${threshold2} threshold:`, ...cappedList(items).map((l) => l.startsWith(">") ? l : `> ${l}`)].join("\n"));
  }
  const undecidedByNoise = undecided.filter((g) => !g.error);
  if (undecidedByNoise.length) {
    const items = undecidedByNoise.map((g) => `> - **${escapeMarkdown(g.workload)}**: ${undecidedReason(g)}`);
    blocks.push(["> [!WARNING]", `> Not decided: the measurements could not tell whether ${undecidedByNoise.length === 1 ? "this workload" : "these workloads"} changed by ${threshold2} (a longer \`time-budget\` buys more rounds):`, ...cappedList(items).map((l) => l.startsWith(">") ? l : `> ${l}`)].join("\n"));
  }
  if (changes.length) {
    const show = (r) => r ? cellLabel(r.model, r.concurrency, r.workers) : "none";
    const items = changes.map((c) => `> - **${escapeMarkdown(c.workload)}**: ${show(c.base)} → ${show(c.head)}`);
    blocks.push(["> [!NOTE]", "> Recommendation changed:", ...cappedList(items).map((l) => l.startsWith(">") ? l : `> ${l}`)].join("\n"));
  }
  if (memory.length) {
    const items = memory.map((c) => `> - **${escapeMarkdown(c.workload)}** · ${cellLabel(c.model, c.concurrency)}: peak memory ${formatChange(c.memoryChange, 0)} (${formatBytes(c.base.peakRssBytes)} → ${formatBytes(c.head.peakRssBytes)})`);
    blocks.push(["> [!WARNING]", `> Peak memory grew by more than ${Math.round(results.settings.memoryThreshold * 100)}%:`, ...cappedList(items).map((l) => l.startsWith(">") ? l : `> ${l}`)].join("\n"));
  }
  const header = blocks.join("\n\n");
  const byWorkload = groupBy(results.comparisons, (c) => c.workload);
  const failuresByWorkload = groupBy(results.failures, (f) => f.workload ?? "");
  const baseByName = new Map((results.baseWorkloads ?? []).map((w) => [w.name, w]));
  const regressed = /* @__PURE__ */ new Set([...regressions.map((c) => c.workload), ...gates.filter((g) => g.verdict === "regression").map((g) => g.workload)]);
  const wholeByName = new Map(gates.map((w) => [w.workload, w]));
  const order = [...results.workloads].sort((a, b) => Number(!regressed.has(a.name)) - Number(!regressed.has(b.name)));
  const sections = order.map(
    (w) => section(
      w,
      baseByName.get(w.name),
      byWorkload.get(w.name) ?? [],
      (failuresByWorkload.get(w.name) ?? []).map((f) => `${f.tree}${f.model ? ` ${cellLabel(f.model, f.concurrency ?? 1)}` : ""}: ${escapeMarkdown(f.message)}`),
      wholeByName.get(w.name)
    )
  );
  const general = results.failures.filter((f) => f.workload === void 0).map((f) => `> ❌ ${f.tree}: ${escapeMarkdown(f.message)}`);
  const method = results.paired ? `Base and head ran side by side in paired rounds, and each workload's gate (🚦, one cell per workload) calls it slower or faster only when the 95% interval of the change clears the noise and reaches the ${threshold2} threshold (judged to ±${+(results.settings.noiseFloor * REACH_RESOLUTION * 100).toFixed(2)}%), a task taking ${threshold2} longer or ${threshold2} more tasks per second (${methodLink(context)}).` : `Two stored results files compared unpaired (medians of their batches, bootstrap intervals, Holm-corrected), so machine drift between the two runs is not cancelled (${methodLink(context)}).`;
  const cpuTime = results.comparisons.some((c) => c.metric === "cpu-time" && c.change !== null) ? 'Throughput "from CPU time": tasks per CPU-second, for cells that kept their cores busy computing in both trees; unlike wall-clock time it does not move with the CPU other VMs take from a shared runner. The tasks/s column is wall-clock either way.' : "";
  const noise2 = results.noise.roundSpread !== null ? `Noise here: ${formatChange(results.noise.roundSpread).replace("+", "±")} per round.` : "";
  const merged = context?.head?.sha && results.head.sha && !results.head.sha.toLowerCase().startsWith(context.head.sha.toLowerCase().slice(0, 7)) ? `The head was measured as checked out: ${shortSha(results.head.sha)}, the pull request merged into its base.` : "";
  const details = `<details><summary>Method and environment</summary>

${[method, cpuTime, noise2, merged].filter(Boolean).join(" ")}

${environmentLine(results)}

</details>`;
  const footer = [...general, details, contextFooter(context, reproduceCommand(results))].filter(Boolean).join("\n\n");
  return assemble(header, sections, footer, options.maxLength ?? DEFAULT_MAX_LENGTH);
}

// src/commands/report.ts
var REPORT_FORMATS = ["md", "terminal", "json"];
async function reportCommand(file, format, options = {}) {
  const results = await readResultsFile(file, options.cwd);
  const style = options.style ?? { color: false, width: 120 };
  let output;
  switch (format) {
    case "md":
      output = results.kind === "compare" ? renderCompareMarkdown(results) : renderRunMarkdown(results);
      break;
    case "terminal":
      output = results.kind === "compare" ? renderCompareTerminal(results, style) : renderRunTerminal(results, style);
      break;
    case "json":
      output = JSON.stringify(results, null, 2) + "\n";
      break;
  }
  return { output, exitCode: 0 };
}

// src/cli.ts
var STDOUT = "-";
function number(value, flag, { min = 0, integer = false } = {}) {
  if (value === void 0) return void 0;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || integer && !Number.isInteger(parsed)) {
    throw new UsageError(`${flag} expects ${integer ? "an integer" : "a number"} >= ${min}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}
function parse(args, spec) {
  try {
    return parseArgs({ args, options: parseOptions(spec), allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error.message.replace(/\. To specify.*$/s, ""));
  }
}
var interrupt;
function listenForInterrupts() {
  interrupt = interruptOnSignals(process.stderr);
  return interrupt.signal;
}
function terminalStyle(stream, noColorFlag) {
  return {
    color: colorEnabled({ noColorFlag: Boolean(noColorFlag), env: process.env, isTTY: Boolean(stream.isTTY) }),
    width: stream.columns || 120
  };
}
function humanStream(json) {
  return json === STDOUT ? process.stderr : process.stdout;
}
async function run(args) {
  const { values, positionals } = parse(args, COMMANDS.run);
  if (positionals.length > 0) throw new UsageError(`run takes no positional arguments, got ${JSON.stringify(positionals[0])}`);
  const json = values.json;
  const options = {
    configPath: values.config ?? defaultConfigPath(),
    timeBudgetSeconds: number(values["time-budget"], "--time-budget", { min: 1 }),
    margin: percent2(values.margin, "--margin"),
    seed: number(values.seed, "--seed", { integer: true }),
    // With `--json -` the file is still kept at the default path: an interruption loses nothing.
    jsonPath: json === STDOUT ? void 0 : json,
    only: values.workload
  };
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const progress = progressReporter(process.stderr, interactive);
  const { results, exitCode, jsonPath } = await runCommand({ ...options, signal: listenForInterrupts(), onProgress: progress.onProgress });
  progress.finish();
  if (values.markdown) writeFileSync2(values.markdown, renderRunMarkdown(results));
  const human = humanStream(json);
  human.write(renderRunTerminal(results, terminalStyle(human, values["no-color"])) + "\n");
  if (json === STDOUT) process.stdout.write(jsonText(results));
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ""}
`);
  return exitCode;
}
function percent2(value, flag) {
  const parsed = number(value, flag);
  return parsed === void 0 ? void 0 : parsed / 100;
}
function printCompare(results, values) {
  if (values.markdown) writeFileSync2(values.markdown, renderCompareMarkdown(results));
  const human = humanStream(values.json);
  human.write(renderCompareTerminal(results, terminalStyle(human, values["no-color"])) + "\n");
  if (values.json === STDOUT) process.stdout.write(jsonText(results));
}
async function compare(args) {
  const { values, positionals } = parse(args, COMMANDS.compare);
  const threshold2 = percent2(values.threshold, "--threshold");
  const alpha2 = number(values.alpha, "--alpha", { min: 1e-6 });
  if (alpha2 !== void 0 && alpha2 >= 0.5) throw new UsageError(`--alpha is a probability below 0.5 (e.g. 0.05 or 0.01), got ${JSON.stringify(values.alpha)}`);
  const seed2 = number(values.seed, "--seed", { integer: true });
  const failOnRegression2 = Boolean(values["fail-on-regression"]);
  const json = values.json;
  if (positionals.length > 0) {
    if (positionals.length !== 2 || values.base || values.head) {
      throw new UsageError("compare takes either --base REF [--head REF], or two results files BASE.json HEAD.json");
    }
    const { results: results2, exitCode: exitCode2 } = await compareFilesCommand({ baseFile: positionals[0], headFile: positionals[1], threshold: threshold2, alpha: alpha2, seed: seed2, failOnRegression: failOnRegression2 });
    if (json !== void 0 && json !== STDOUT) writeJsonAtomic(json, results2);
    printCompare(results2, values);
    return exitCode2;
  }
  if (!values.base) throw new UsageError("compare needs --base REF (or two results files)");
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const progress = progressReporter(process.stderr, interactive);
  const { results, exitCode, jsonPath } = await compareCommand({
    base: values.base,
    head: values.head,
    configPath: values.config ?? defaultConfigPath(),
    // With `--json -` the file is still kept at the default path, as for run.
    jsonPath: json === STDOUT ? void 0 : json,
    threshold: threshold2,
    alpha: alpha2,
    failOnRegression: failOnRegression2,
    timeBudgetSeconds: number(values["time-budget"], "--time-budget", { min: 1 }),
    seed: seed2,
    signal: listenForInterrupts(),
    onProgress: progress.onProgress
  });
  progress.finish();
  printCompare(results, values);
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ""}
`);
  return exitCode;
}
async function report(args) {
  const { values, positionals } = parse(args, COMMANDS.report);
  if (positionals.length !== 1) throw new UsageError("report takes one results file: concurrency-bench report RESULTS.json [--format md|terminal|json]");
  const format = values.format ?? "terminal";
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format expects one of ${REPORT_FORMATS.join(", ")}, got ${JSON.stringify(format)}`);
  const { output, exitCode } = await reportCommand(positionals[0], format, { style: terminalStyle(process.stdout, values["no-color"]) });
  process.stdout.write(output.endsWith("\n") ? output : output + "\n");
  return exitCode;
}
var HANDLERS = { run, compare, report };
function isCommand(name) {
  return name !== void 0 && Object.hasOwn(COMMANDS, name);
}
function reportInternalError(error) {
  process.stderr.write(`concurrency-bench: internal error (a bug in concurrency-bench; please report it): ${error?.stack ?? String(error)}
`);
}
function errorExitCode(error, command) {
  if (error instanceof ConfigError || error instanceof UsageError || error?.exitCode === EXIT.usage) {
    process.stderr.write(`concurrency-bench: ${error.message}
`);
    if (error instanceof UsageError) process.stderr.write(`run "concurrency-bench ${isCommand(command) ? `${command} ` : ""}--help" for usage
`);
    return EXIT.usage;
  }
  const exitCode = error?.exitCode;
  if (typeof exitCode === "number" && error instanceof Error) {
    process.stderr.write(`concurrency-bench: ${error.message}
`);
    return exitCode;
  }
  reportInternalError(error);
  return EXIT.internal;
}
async function dispatch(argv) {
  const [command, ...rest] = argv;
  if (isCommand(command)) {
    if (wantsHelp(rest)) {
      process.stdout.write(commandHelp(COMMANDS[command]) + "\n");
      return EXIT.ok;
    }
    return await HANDLERS[command](rest);
  }
  switch (command) {
    case "--version":
    case "-v":
      process.stdout.write(VERSION + "\n");
      return EXIT.ok;
    case "--help":
    case "-h":
      process.stdout.write(mainHelp() + "\n");
      return EXIT.ok;
    case "help": {
      const topic = rest[0];
      if (topic !== void 0 && !isCommand(topic)) throw new UsageError(`no help on ${JSON.stringify(topic)} (commands: ${Object.keys(COMMANDS).join(", ")})`);
      process.stdout.write((topic === void 0 ? mainHelp() : commandHelp(COMMANDS[topic])) + "\n");
      return EXIT.ok;
    }
    case void 0:
      process.stderr.write(mainHelp() + "\n");
      return EXIT.usage;
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)} (expected run, compare or report)`);
  }
}
async function main(argv) {
  let code;
  try {
    code = await dispatch(argv);
  } catch (error) {
    code = errorExitCode(error, argv[0]);
  } finally {
    interrupt?.dispose();
  }
  if (interrupt?.exitCode !== void 0) {
    killAllGroups();
    return interrupt.exitCode;
  }
  return code;
}
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.on(event, (error) => {
    reportInternalError(error);
    killAllGroups();
    process.exit(EXIT.internal);
  });
}
process.exitCode = await main(process.argv.slice(2));
export {
  main
};
