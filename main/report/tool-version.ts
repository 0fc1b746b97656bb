import pkg from '../../package.json' with { type: 'json' };

/** The version every report and `--version` names, read from package.json so it has one home. */
export const TOOL_VERSION: string = pkg.version;
