export { SeekView } from './seek-view';
export { SeekIcon } from './seek-icon';
