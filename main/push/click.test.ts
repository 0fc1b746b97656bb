import { describe, expect, it } from 'vitest';
import { findNodeCenter, resumedActivity } from './click.js';

describe('click-through readers', () => {
  it('finds the node with our exact title (XML entities decoded) and its centre', () => {
    const xml = `<?xml version='1.0' ?><hierarchy rotation="0"><node index="0" text="Push Doctor test (old)" bounds="[0,0][10,10]" />`
      + `<node index="1" text="Tom &amp; &quot;Jerry&quot;" resource-id="android:id/title" bounds="[48,360][1032,420]" /></hierarchy>`;
    expect(findNodeCenter(xml, 'Tom & "Jerry"')).toMatchObject({ x: 540, y: 390 });
    expect(findNodeCenter(xml, 'Push Doctor test')).toBeNull();
    expect(findNodeCenter('garbage <node text="x" bounds="[1,2]', 'x')).toBeNull();
  });

  it('reads the resumed activity from Android 11- and 12+ dumps, null otherwise', () => {
    expect(resumedActivity('    mResumedActivity: ActivityRecord{1a2b3c u0 com.example.im/.SplashActivity t42}')).toBe('com.example.im/.SplashActivity');
    expect(resumedActivity('    topResumedActivity=ActivityRecord{6977e8e u0 com.android.launcher3/.uioverrides.QuickstepLauncher t6}')).toBe('com.android.launcher3/.uioverrides.QuickstepLauncher');
    expect(resumedActivity('nothing here')).toBeNull();
  });
});
