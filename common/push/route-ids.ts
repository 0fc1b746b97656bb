/** The push routes a test push can take (main/push/routes), named here so the IPC contract can check them too. */
export const ROUTE_IDS = ['tencent-im', 'fcm', 'huawei', 'honor', 'xiaomi', 'oppo', 'vivo', 'meizu'] as const;
export type RouteId = (typeof ROUTE_IDS)[number];
