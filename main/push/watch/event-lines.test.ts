import { describe, expect, it } from 'vitest';
import { parseWatchLine } from './event-lines.js';

// Lines in the shape `logcat -v threadtime -b events` prints NotificationManagerService's events (Android 14).
const ENQUEUE = '12-02 13:23:24.975  1432  1432 I notification_enqueue: [10267,20001,com.example.im,1002,NULL,0,Notification(channel=new_message shortcut=null contentView=null vibrate=null sound=null defaults=0x0 flags=0x0 color=0x00000000 vis=PRIVATE),0]';

describe('parseWatchLine', () => {
  it('reads notification_enqueue: package, id, tag, status', () => {
    expect(parseWatchLine(ENQUEUE)).toMatchObject({ kind: 'enqueue', pkg: 'com.example.im', id: 1002, tag: null, uid: 10267, status: 0, stamp: '12-02 13:23:24.975' });
    const tagged = ENQUEUE.replace(',NULL,', ',push-doctor,').replace(/,0\]$/, ',1]');
    expect(parseWatchLine(tagged)).toMatchObject({ tag: 'push-doctor', status: 1 });
  });

  it('reads the drops: no channel, FCM to a stopped app', () => {
    expect(parseWatchLine('12-02 13:23:25.001  1432  1432 E NotificationService: No Channel found for pkg=com.example.im, channelId=nope, id=1003, tag=null, opPkg=com.example.im, callingUid=10267, userId=0'))
      .toMatchObject({ kind: 'no-channel', pkg: 'com.example.im', channelId: 'nope' });
    expect(parseWatchLine('12-02 13:23:25.002  4146  4146 W GCM     : broadcast intent callback: result=CANCELLED forIntent { act=com.google.android.c2dm.intent.RECEIVE flg=0x10000000 pkg=com.example.im (has extras) }'))
      .toMatchObject({ kind: 'fcm-stopped', pkg: 'com.example.im' });
  });

  it('returns null for garbage, cut lines and other tags, never throws', () => {
    for (const line of ['', '--------- beginning of events', 'garbage', ENQUEUE.slice(0, 60), ENQUEUE.replace('[', ''),
      '12-02 13:23:24.975  1432  1432 I notification_enqueue: [1,2]', '12-02 13:23:24.975  1432  1432 I am_kill: [0,1,x,900,kill]',
      '\u0000\uffff'.repeat(100), ENQUEUE.replace('com.example.im', '')]) {
      expect(parseWatchLine(line)).toBeNull();
    }
  });
});
