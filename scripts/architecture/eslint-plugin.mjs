// eslint rule amplify/layers: every relative import is resolved to the file it names and
// refused when that file's root is not one the importing root may use (layers.json). Exact
// where no-restricted-imports can only match specifier text ("../ipc" from electron/core).
import { mayImport, repoPath, resolveRelative, rootOf } from "./layers.mjs";

/** @type {import("eslint").Rule.RuleModule} */
const layers = {
  meta: {
    type: "problem",
    docs: { description: "Imports follow the layering in scripts/architecture/layers.json" },
    schema: [],
    messages: {
      forbidden: "{{from}} code may not import {{to}} code ({{target}}); see scripts/architecture/layers.json.",
    },
  },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const fromRoot = rootOf(repoPath(file));
    if (!fromRoot) return {};
    /** @param {any} node */
    const check = (node) => {
      const source = node?.source;
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const target = resolveRelative(file, source.value);
      if (!target) return;
      const toRoot = rootOf(repoPath(target));
      if (toRoot && !mayImport(fromRoot, toRoot)) {
        context.report({
          node: source,
          messageId: "forbidden",
          data: { from: fromRoot, to: toRoot, target: repoPath(target) },
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { layers } };
