// A small XML reader for the annotation formats we import (VOC, CVAT): elements, attributes,
// text, the five predefined entities and numeric character references. Anything that could make
// a hostile file expensive or reach outside it — DOCTYPE, entity declarations, processing
// instructions other than the XML declaration — is refused, as is nesting deeper than 64.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ref: string | undefined) => {
    if (!ref) throw new XmlError(`a bare "&" near character ${at}`);
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new XmlError(`a bad character reference ${m}`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[ref];
    if (v === undefined) throw new XmlError(`an unknown entity ${m} near character ${at}`);
    return v;
  });
}

const TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const lt = source.indexOf("<", i);
    const top = stack[stack.length - 1] as XmlElement;
    if (lt < 0) {
      if (source.slice(i).trim()) top.text += decode(source.slice(i), i);
      break;
    }
    if (lt > i) top.text += decode(source.slice(i, lt), i);
    if (source.startsWith("<?", lt)) {
      const end = source.indexOf("?>", lt);
      if (end < 0) throw new XmlError("an unterminated <? … ?>");
      if (!/^<\?xml[\s?]/.test(source.slice(lt, lt + 6)))
        throw new XmlError("processing instructions are not accepted");
      i = end + 2;
    } else if (source.startsWith("<!--", lt)) {
      const end = source.indexOf("-->", lt);
      if (end < 0) throw new XmlError("an unterminated comment");
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", lt)) {
      const end = source.indexOf("]]>", lt);
      if (end < 0) throw new XmlError("an unterminated CDATA section");
      top.text += source.slice(lt + 9, end);
      i = end + 3;
    } else if (source.startsWith("<!", lt)) {
      throw new XmlError("DOCTYPE and entity declarations are not accepted");
    } else if (source.startsWith("</", lt)) {
      const end = source.indexOf(">", lt);
      const name = source.slice(lt + 2, end).trim();
      if (end < 0 || stack.length < 2 || top.name !== name)
        throw new XmlError(`a closing </${name}> that does not match <${top.name}> near character ${lt}`);
      stack.pop();
      i = end + 1;
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(source);
      if (!m) throw new XmlError(`a malformed tag near character ${lt}`);
      const el: XmlElement = { name: m[1] as string, attrs: {}, children: [], text: "" };
      for (const a of (m[2] ?? "").matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        el.attrs[a[1] as string] = decode(a[2] ?? a[3] ?? "", lt);
      top.children.push(el);
      if (!m[3]) {
        if (stack.length > 64) throw new XmlError("elements nested deeper than 64");
        stack.push(el);
      }
      i = lt + m[0].length;
    }
  }
  if (stack.length > 1) throw new XmlError(`<${(stack[stack.length - 1] as XmlElement).name}> is never closed`);
  const docs = root.children;
  if (docs.length !== 1) throw new XmlError("an XML file needs exactly one root element");
  return docs[0] as XmlElement;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function childText(el: XmlElement, name: string): string | undefined {
  return child(el, name)?.text.trim();
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
