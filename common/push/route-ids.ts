/** The push routes a test push can take (main/push/routes), named here so the IPC contract can check them too. */
export const ROUTE_IDS = ['tencent-im', 'fcm', 'huawei', 'honor', 'xiaomi', 'oppo', 'vivo', 'meizu'] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

/** Where the phone is put before a test push (main/push/conditions.ts acts on them); `all` runs each in turn. */
export const PUSH_CONDITIONS = ['foreground', 'background', 'locked', 'killed', 'stopped', 'doze'] as const;
export type PushCondition = (typeof PUSH_CONDITIONS)[number];

/** What the composer can send by: a server route, or `local` (posted on the phone over adb, no server). */
export const PUSH_ROUTE_CHOICES = ['local', ...ROUTE_IDS] as const;
export type PushRouteChoice = (typeof PUSH_ROUTE_CHOICES)[number];

/** The stages of the closed loop, in order, as the timeline draws them. */
export const PUSH_STAGES = ['sent', 'accepted', 'posted', 'displayed', 'clicked'] as const;
export type PushStageName = (typeof PUSH_STAGES)[number];
