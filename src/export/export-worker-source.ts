/**
 * The export worker's code as a string, for starting it from a Blob URL where the worker file
 * itself cannot be loaded (a host bundler that did not emit it, a cross-origin script). Only a
 * build has it: the build replaces this module with the bundled worker's text. Run from the
 * sources (tests, the demo, Storybook) the worker file is always served, so there is none.
 */
const workerSource: string | undefined = undefined;
export default workerSource;
