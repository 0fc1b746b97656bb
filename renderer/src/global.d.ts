import type { PushDoctorApi } from '../../preload/contract.js';

declare global {
  interface Window {
    /** Exposed by preload/index.ts; absent when the page is opened outside the app. */
    pushDoctor?: PushDoctorApi;
  }
}
