/** WIT values in JSON, API and jco forms (README "WIT values"). */
export type { Checked, JsonValue, ResourceHandle, WitValue } from './types';
export { fromJson } from './fromJson';
export { checkValue } from './checkValue';
export { toJson } from './toJson';
export { template, defaultValue } from './template';
export { toJco, fromJco } from './jco';
export { ResourceTable } from './resources';
export { callResult, hostResult, HostResultError, HostValueError } from './call';
export { describeValue } from './describe';
export { fromBytesInput, type BytesInputKind } from './bytes';
export { jsName, typeLabel } from './names';
