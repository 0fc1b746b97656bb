import type { PushDoctorApi } from '../../common/ipc/contract.js';

declare global {
  interface Window {
    /** Exposed by preload/index.ts; absent when the page is opened outside the app. */
    pushDoctor?: PushDoctorApi;
  }
}
