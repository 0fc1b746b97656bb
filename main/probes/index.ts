/** What the rest of the app uses from the probes: the plan, the dispatcher, the assembler, bugreports. */
export { probePlan, commandForProbeId, type Probe } from './probe-plan.js';
export { dispatchCommand, normalizeCommandLine, type DispatchedCommand } from './command-dispatch.js';
export { assembleFacts, type ProbeOutput } from './assemble-facts.js';
export { splitBugreport, bugreportText, isZip, extractPackageSection } from './bugreport.js';
export { decodeCapture, normalizeText } from './text.js';
export { parseDumpsysNotification } from './parsers/dumpsys-notification.js';
export { scanPushLog, redactToken } from './parsers/push-log.js';
