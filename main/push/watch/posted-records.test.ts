import { describe, expect, it } from 'vitest';
import { judgeDisplay } from '../verdict.js';
import { parsePostedRecords } from './posted-records.js';

// Record blocks as NotificationRecord.dump prints them with --noredact; the header with the ` bbbc=2` field
// is from a genuine Android 15 capture (test/fixtures/real).
const DUMP = `Current Notification Manager state:
  Notification List:
    NotificationRecord(0x05d11962: pkg=android user=UserHandle{-1} id=2147483647 tag=ranker_group importance=4 key=-1|android|2147483647|ranker_group|1000|ranker_group bbbc=2: Notification(channel=DEVELOPER_IMPORTANT shortcut=null contentView=null vibrate=null sound=null defaults=0 flags=ONGOING_EVENT color=0x00000000 vis=PUBLIC))
      uid=1000 userId=-1
    NotificationRecord(0x8ea4be04: pkg=com.example.im user=UserHandle{0} id=1002 tag=null importance=2 key=0|com.example.im|1002|null|10267: Notification(channel=new_message shortcut=null contentView=null vibrate=null sound=null defaults=0x0 flags=0x0 color=0x00000000 vis=PRIVATE))
      notification=
          extras={
              android.title=String (Push Doctor test)
              android.text=String (Offline push test, with (parens))
          }
      mImportance=LOW
      mIntercept=true
      effectiveNotificationChannel=NotificationChannel{mId='new_message', mName=New messages, mDescription=, mImportance=2, mBypassDnd=false, mLockscreenVisibility=-1, mSound=null}

  Lights List:
      android.title=String (not a record)
  Zen Mode:
    mZenMode=ZEN_MODE_IMPORTANT_INTERRUPTIONS
`;

describe('parsePostedRecords', () => {
  it('reads each record with title, text, channel, importance and interception', () => {
    const s = parsePostedRecords(DUMP);
    expect(s.zenMode).toBe('ZEN_MODE_IMPORTANT_INTERRUPTIONS');
    expect(s.records).toHaveLength(2);
    expect(s.records[0]).toMatchObject({ pkg: 'android', channelId: 'DEVELOPER_IMPORTANT', importance: 4, title: null });
    expect(s.records[1]).toMatchObject({
      pkg: 'com.example.im', id: 1002, channelId: 'new_message', importance: 2, title: 'Push Doctor test', text: 'Offline push test, with (parens)', intercepted: true, lockscreenVisibility: -1,
    });
  });

  it('a redacted dump gives no title (never a guessed one); garbage gives nothing', () => {
    const redacted = DUMP.replace('String (Push Doctor test)', 'String [length=16]');
    expect(parsePostedRecords(redacted).records[1]?.title).toBeNull();
    expect(parsePostedRecords('garbage\n\u0000\nNotificationRecord(').records).toEqual([]);
  });

  it('judges display: DND first, then importance', () => {
    const r = parsePostedRecords(DUMP).records[1]!;
    expect(judgeDisplay(r)).toEqual({ displayed: false, reason: 'dnd' });
    expect(judgeDisplay({ ...r, intercepted: false })).toEqual({ displayed: true, reason: 'silent' });
    expect(judgeDisplay({ ...r, intercepted: false, importance: 4 })).toEqual({ displayed: true, reason: 'shown' });
    expect(judgeDisplay({ ...r, intercepted: false, importance: 1 })).toEqual({ displayed: false, reason: 'min-importance' });
    expect(judgeDisplay({ ...r, intercepted: null, importance: null })).toEqual({ displayed: null, reason: 'unknown' });
    // Locked: a VISIBILITY_SECRET channel, or the lock screen's switch off, hides it there.
    expect(judgeDisplay({ ...r, intercepted: false }, { shows: true })).toEqual({ displayed: false, reason: 'lock-screen-hidden' });
    expect(judgeDisplay({ ...r, intercepted: false, lockscreenVisibility: -1000, importance: 4 }, { shows: false })).toEqual({ displayed: false, reason: 'lock-screen-hidden' });
    expect(judgeDisplay({ ...r, intercepted: false, lockscreenVisibility: -1000, importance: 4 }, { shows: true })).toEqual({ displayed: true, reason: 'shown' });
  });
});
