// `node scripts/voice-clips.mjs`: makes the hall display's built-in recorded voice, one WAV
// clip per word (apps/hall-server/voice/zh-CN/), with espeak-ng's Mandarin voice
// (`apt-get install -y espeak-ng`), and the manifest naming what each clip says. Run once; the
// clips are committed. A hall that wants a better voice records its own clips under the same
// names in DATA_DIR/voice/zh-CN/ (docs/recorded-voice.md).
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../apps/hall-server/voice/zh-CN/', import.meta.url));

/** Clip name → what it says. Names: the digit or letter itself, else the word in pinyin. */
export const CLIPS = {
  ...Object.fromEntries(
    ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'].map((zh, d) => [String(d), zh]),
  ),
  shi: '十',
  ...Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((l) => [l, l])),
  qing: '请',
  hao: '号',
  dao: '到',
  'hao-chuang-kou': '号窗口',
  'chuang-kou': '窗口',
  'ban-li': '办理',
  'ye-wu': '业务',
  'qian-wang': '前往',
  'nin-hao': '您好',
  'gu-ke': '顾客',
  di: '第',
  'gui-tai': '柜台',
};

const ESPEAK_RATE = 22050; // espeak-ng's output: mono, 16-bit
const RATE = 16000; // the clips': enough for a voice, a third smaller
const THRESHOLD = 400; // of 32767: below it is silence
const PAD = Math.round(ESPEAK_RATE * 0.02); // 20 ms kept either side

function pcmOf(wav) {
  // espeak-ng --stdout writes a RIFF header with unknown sizes: the data follows "data"+size.
  const at = wav.indexOf('data', 12, 'latin1');
  return wav.subarray(at + 8);
}

/** The samples between the first and last sound, with a little padding. */
function trim(pcm) {
  const n = Math.floor(pcm.length / 2);
  const loud = (i) => Math.abs(pcm.readInt16LE(i * 2)) > THRESHOLD;
  let start = 0;
  while (start < n && !loud(start)) start++;
  let end = n - 1;
  while (end > start && !loud(end)) end--;
  start = Math.max(0, start - PAD);
  end = Math.min(n - 1, end + PAD);
  return pcm.subarray(start * 2, (end + 1) * 2);
}

/** Linear resampling from espeak's rate to the clips'. */
function resample(pcm) {
  const n = Math.floor(pcm.length / 2);
  const m = Math.floor((n * RATE) / ESPEAK_RATE);
  const outPcm = Buffer.alloc(m * 2);
  for (let j = 0; j < m; j++) {
    const x = (j * ESPEAK_RATE) / RATE;
    const i = Math.floor(x);
    const a = pcm.readInt16LE(i * 2);
    const b = i + 1 < n ? pcm.readInt16LE((i + 1) * 2) : a;
    outPcm.writeInt16LE(Math.round(a + (b - a) * (x - i)), j * 2);
  }
  return outPcm;
}

function wavOf(pcm) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) rmSync(join(out, f));
let total = 0;
// Letters are said as English letters (espeak's cmn voice reads Latin as English).
for (const [name, text] of Object.entries(CLIPS)) {
  const wav = execFileSync('espeak-ng', ['-v', 'cmn', '-s', '150', '--stdout', text]);
  const file = wavOf(resample(trim(pcmOf(wav))));
  writeFileSync(join(out, `${name}.wav`), file);
  total += file.length;
}
const manifest = {
  lang: 'zh-CN',
  source: 'espeak-ng (cmn), scripts/voice-clips.mjs',
  clips: Object.entries(CLIPS).map(([name, text]) => ({ name, text })),
};
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${Object.keys(CLIPS).length} clips, ${(total / 1024).toFixed(0)} KiB, in ${out}`);
