import type { DevicePort, DeviceRef } from '../adb/device-port.js';

/**
 * Click-through: pull the shade down (`cmd statusbar expand-notifications`), find the node whose text is our
 * title in the window hierarchy (`uiautomator dump`), tap its centre (`input tap`), and read which activity is
 * resumed (`dumpsys activity activities`: `topResumedActivity=` on 12+, `mResumedActivity:` before).
 */
export interface ClickOutcome {
  /** The node with our title was found and tapped. */
  tapped: boolean;
  /** `pkg/.Activity` resumed after the tap, null when unread. */
  resumed: string | null;
  evidence: string[];
  problem: string | null;
}

const DUMP_PATH = '/sdcard/window_dump.xml';

function decodeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The centre of the first node whose text is `title`, from uiautomator's XML; null when absent or unreadable. */
export function findNodeCenter(xml: string, title: string): { x: number; y: number; node: string } | null {
  for (const m of xml.matchAll(/<node\b[^>]*>/g)) {
    const node = m[0];
    const text = /\btext="([^"]*)"/.exec(node)?.[1];
    if (text === undefined || decodeXml(text) !== title) continue;
    const b = /\bbounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"/.exec(node);
    if (!b) continue;
    const [x1, y1, x2, y2] = [Number(b[1]), Number(b[2]), Number(b[3]), Number(b[4])];
    return { x: Math.round((x1 + x2) / 2), y: Math.round((y1 + y2) / 2), node };
  }
  return null;
}

/** `pkg/.Activity` of the resumed activity in `dumpsys activity activities`. */
export function resumedActivity(dump: string): string | null {
  const m = /(?:topResumedActivity=|mResumedActivity: |ResumedActivity: ?)ActivityRecord\{\S+ u\d+ ([A-Za-z0-9_.]+\/[A-Za-z0-9_.$]+)/.exec(dump);
  return m ? m[1]! : null;
}

export async function clickThrough(port: DevicePort, ref: DeviceRef, title: string): Promise<ClickOutcome> {
  const evidence: string[] = [];
  const sh = async (command: string) => (await port.shell(ref, command, { timeoutMs: 20_000 })).output;
  try {
    await sh('cmd statusbar expand-notifications');
    const xml = await sh(`uiautomator dump ${DUMP_PATH} >/dev/null && cat ${DUMP_PATH}`);
    const hit = findNodeCenter(xml, title);
    if (!hit) {
      await sh('cmd statusbar collapse');
      return { tapped: false, resumed: null, evidence, problem: 'No node with the push\'s title in the expanded shade (`uiautomator dump`).' };
    }
    evidence.push(hit.node.slice(0, 200));
    await sh(`input tap ${hit.x} ${hit.y}`);
    const resumed = resumedActivity(await sh('dumpsys activity activities'));
    if (resumed) evidence.push(`resumed ${resumed}`);
    await sh('cmd statusbar collapse');
    return { tapped: true, resumed, evidence, problem: resumed ? null : 'dumpsys activity activities did not name a resumed activity.' };
  } catch (error) {
    return { tapped: false, resumed: null, evidence, problem: error instanceof Error ? error.message : String(error) };
  }
}
