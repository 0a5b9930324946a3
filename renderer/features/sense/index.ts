export { SenseView } from './sense-view';
export { SenseIcon } from './sense-icon';
