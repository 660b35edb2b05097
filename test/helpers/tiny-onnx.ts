// A tiny ONNX embedding model folder for tests, written by hand: a BERT-style WordPiece tokenizer
// over a few words and a graph that is one Gather from an embedding table, so mean pooling plus
// normalisation gives vectors the tests can compute exactly. The protobuf is encoded here (a
// dozen fields of ModelProto) rather than adding an ONNX dependency.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
/** Each word's vector is the unit vector of its index; [UNK] is (0.5, 0.5, 0, 0); [CLS]/[SEP] are zero. */
export const TINY_WORDS = ['alpha', 'beta', 'gamma', 'delta'];
export const TINY_DIMENSION = 4;

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  do {
    let b = v & 0x7f;
    v = Math.floor(v / 128);
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
}
const int = (field: number, n: number) => Buffer.concat([varint(field << 3), varint(n)]);
const bytes = (field: number, buf: Buffer) => Buffer.concat([varint((field << 3) | 2), varint(buf.length), buf]);
const str = (field: number, s: string) => bytes(field, Buffer.from(s, 'utf8'));
const msg = (field: number, ...parts: Buffer[]) => bytes(field, Buffer.concat(parts));

/** ValueInfoProto of a tensor: name, element type (1 float, 7 int64), dims (numbers or symbolic names). */
function valueInfo(field: number, name: string, elemType: number, dims: Array<number | string>): Buffer {
  const shape = dims.map((d) => msg(1, typeof d === 'number' ? int(1, d) : str(2, d)));
  return msg(field, str(1, name), msg(2, msg(1, int(1, elemType), msg(2, ...shape))));
}

function modelProto(): Buffer {
  const vocab = [...SPECIALS, ...TINY_WORDS];
  const table = new Float32Array(vocab.length * TINY_DIMENSION);
  TINY_WORDS.forEach((_, i) => { table[(SPECIALS.length + i) * TINY_DIMENSION + i] = 1; });
  table[1 * TINY_DIMENSION] = 0.5;
  table[1 * TINY_DIMENSION + 1] = 0.5;
  const graph = Buffer.concat([
    msg(1, str(1, 'E'), str(1, 'input_ids'), str(2, 'last_hidden_state'), str(3, 'gather'), str(4, 'Gather')),
    str(2, 'tiny'),
    msg(5, int(1, vocab.length), int(1, TINY_DIMENSION), int(2, 1), str(8, 'E'), bytes(9, Buffer.from(table.buffer))),
    valueInfo(11, 'input_ids', 7, ['batch', 'sequence']),
    valueInfo(11, 'attention_mask', 7, ['batch', 'sequence']),
    valueInfo(12, 'last_hidden_state', 1, ['batch', 'sequence', TINY_DIMENSION]),
  ]);
  // ir_version 8, producer, graph, opset 13
  return Buffer.concat([int(1, 8), str(2, 'cartograph-test'), msg(7, graph), msg(8, str(1, ''), int(2, 13))]);
}

function tokenizer(): unknown {
  const vocab = [...SPECIALS, ...TINY_WORDS];
  const cls = { SpecialToken: { id: '[CLS]', type_id: 0 } };
  const sep = { SpecialToken: { id: '[SEP]', type_id: 0 } };
  return {
    version: '1.0', truncation: null, padding: null,
    added_tokens: SPECIALS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [cls, { Sequence: { id: 'A', type_id: 0 } }, sep],
      pair: [cls, { Sequence: { id: 'A', type_id: 0 } }, sep, { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((t, i) => [t, i])) },
  };
}

/** Writes `<root>/<name>/{config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx}`. */
export function writeTinyModel(root: string, name = 'tiny'): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), modelProto());
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_size: TINY_DIMENSION }));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer()));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({
    tokenizer_class: 'BertTokenizer', model_max_length: 512, do_lower_case: true,
    pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]',
  }));
  return dir;
}
