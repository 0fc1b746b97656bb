import type { ApkValue } from '../../common/domain/apk.js';
import { ApkError } from './apk-error.js';
import { decodeValue } from './res-value.js';
import { readStringPool, RES_STRING_POOL_TYPE, type StringPool } from './string-pool.js';

/**
 * Android's compiled XML (AndroidManifest.xml in an APK): a RES_XML_TYPE chunk holding a string pool, the
 * resource-id map and a flat run of start/end element chunks, rebuilt here into a tree.
 * Attributes carry the framework resource id of their name (android:name is 0x01010003 whatever the string
 * pool says), so readers look attributes up by id: obfuscators rename the strings, Android reads the ids.
 */

const RES_XML_TYPE = 0x0003;
const RES_XML_START_NAMESPACE = 0x0100;
const RES_XML_END_NAMESPACE = 0x0101;
const RES_XML_START_ELEMENT = 0x0102;
const RES_XML_END_ELEMENT = 0x0103;
const RES_XML_CDATA = 0x0104;
const RES_XML_RESOURCE_MAP = 0x0180;
const NO_INDEX = 0xffffffff;
/** Deeper than any manifest; bounds the tree a forged file can make us build. */
const MAX_DEPTH = 256;

export interface XmlAttribute {
  namespace: string | null;
  /** As the string pool has it: unreliable after obfuscation, use `resourceId`. */
  name: string;
  /** The framework attribute id (0x0101xxxx) from the resource map; null for un-namespaced ones like `package`. */
  resourceId: number | null;
  /** The source text aapt kept, if any (it keeps none for values it compiled to ints or booleans). */
  raw: string | null;
  value: ApkValue;
  /** Res_value as stored, for comparing with `aapt dump xmltree`, which prints these. */
  dataType: number;
  data: number;
}

export interface XmlElement {
  namespace: string | null;
  name: string;
  line: number;
  attributes: XmlAttribute[];
  children: XmlElement[];
}

export interface BinaryXml {
  root: XmlElement;
  strings: StringPool;
}

/** Decodes a compiled XML file. Throws ApkError('bad-xml') for anything that is not a well-formed one. */
export function decodeBinaryXml(buffer: Buffer): BinaryXml {
  if (buffer.length < 8) throw new ApkError('bad-xml', `${buffer.length} bytes is too short for binary XML`);
  if (buffer.readUInt16LE(0) !== RES_XML_TYPE) throw new ApkError('bad-xml', `not binary XML (chunk type 0x${buffer.readUInt16LE(0).toString(16)})`);
  const headerSize = buffer.readUInt16LE(2);
  const size = buffer.readUInt32LE(4);
  if (headerSize < 8 || size > buffer.length || size < headerSize) throw new ApkError('bad-xml', `document chunk of ${size} bytes (header ${headerSize}) in ${buffer.length} bytes`);

  let strings: StringPool | null = null;
  let resourceIds: Uint32Array = new Uint32Array(0);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  for (let p = headerSize; p < size;) {
    if (p + 8 > size) throw new ApkError('bad-xml', `chunk header at ${p} runs past the document`);
    const type = buffer.readUInt16LE(p);
    const chunkHeader = buffer.readUInt16LE(p + 2);
    const chunkSize = buffer.readUInt32LE(p + 4);
    if (chunkSize < 8 || chunkHeader > chunkSize || p + chunkSize > size) throw new ApkError('bad-xml', `chunk 0x${type.toString(16)} at ${p} has size ${chunkSize}`);
    const chunk = buffer.subarray(p, p + chunkSize);
    switch (type) {
      case RES_STRING_POOL_TYPE:
        strings = readStringPool(buffer, p, 'bad-xml');
        break;
      case RES_XML_RESOURCE_MAP: {
        const n = Math.floor((chunkSize - chunkHeader) / 4);
        resourceIds = new Uint32Array(n);
        for (let i = 0; i < n; i++) resourceIds[i] = chunk.readUInt32LE(chunkHeader + i * 4);
        break;
      }
      case RES_XML_START_ELEMENT: {
        if (!strings) throw new ApkError('bad-xml', `element at ${p} before the string pool`);
        if (stack.length >= MAX_DEPTH) throw new ApkError('bad-xml', `elements nested deeper than ${MAX_DEPTH}`);
        const element = readStartElement(chunk, chunkHeader, strings, resourceIds, p);
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(element);
        else if (root) throw new ApkError('bad-xml', `second root element <${element.name}> at line ${element.line}`);
        else root = element;
        stack.push(element);
        break;
      }
      case RES_XML_END_ELEMENT:
        if (!stack.pop()) throw new ApkError('bad-xml', `end element at ${p} without a start`);
        break;
      case RES_XML_START_NAMESPACE:
      case RES_XML_END_NAMESPACE:
      case RES_XML_CDATA:
        break; // namespaces are resolved per attribute through its namespace string; text is not used in manifests
      default:
        break; // unknown chunks are skippable by their size, as Android's own parser does
    }
    p += chunkSize;
  }
  if (!strings) throw new ApkError('bad-xml', 'no string pool');
  if (!root) throw new ApkError('bad-xml', 'no root element');
  if (stack.length) throw new ApkError('bad-xml', `<${stack[stack.length - 1]!.name}> is never closed`);
  return { root, strings };
}

function readStartElement(chunk: Buffer, headerSize: number, strings: StringPool, resourceIds: Uint32Array, at: number): XmlElement {
  if (headerSize < 16 || chunk.length < headerSize + 20) throw new ApkError('bad-xml', `start element at ${at} is truncated`);
  const line = chunk.readUInt32LE(8);
  const ext = headerSize;
  const name = stringAt(strings, chunk.readUInt32LE(ext + 4), at, 'element name');
  const attributeStart = chunk.readUInt16LE(ext + 8);
  const attributeSize = chunk.readUInt16LE(ext + 10);
  const attributeCount = chunk.readUInt16LE(ext + 12);
  if (attributeCount > 0 && attributeSize < 20) throw new ApkError('bad-xml', `<${name}> at line ${line}: attribute size ${attributeSize}`);
  if (ext + attributeStart + attributeCount * attributeSize > chunk.length) throw new ApkError('bad-xml', `<${name}> at line ${line}: attributes run past the chunk`);
  const attributes: XmlAttribute[] = [];
  for (let i = 0; i < attributeCount; i++) {
    const a = ext + attributeStart + i * attributeSize;
    const nameIndex = chunk.readUInt32LE(a + 4);
    const rawIndex = chunk.readUInt32LE(a + 8);
    const dataType = chunk.readUInt8(a + 15);
    const data = chunk.readUInt32LE(a + 16);
    const resourceId = nameIndex < resourceIds.length ? resourceIds[nameIndex]! : null;
    attributes.push({
      namespace: optionalString(strings, chunk.readUInt32LE(a)),
      name: strings.get(nameIndex) ?? (resourceId !== null ? `0x${resourceId.toString(16)}` : `#${nameIndex}`),
      resourceId: resourceId === 0 ? null : resourceId,
      raw: optionalString(strings, rawIndex),
      value: decodeValue(dataType, data, strings),
      dataType,
      data,
    });
  }
  return { namespace: optionalString(strings, chunk.readUInt32LE(ext)), name, line, attributes, children: [] };
}

function optionalString(strings: StringPool, index: number): string | null {
  return index === NO_INDEX ? null : strings.get(index);
}

function stringAt(strings: StringPool, index: number, at: number, what: string): string {
  const value = strings.get(index);
  if (value === null) throw new ApkError('bad-xml', `${what} at ${at}: string ${index} is not in the pool`);
  return value;
}
