import { version } from '../../package.json'

/** The package version, from package.json (inlined by the build). */
export const VERSION: string = version
