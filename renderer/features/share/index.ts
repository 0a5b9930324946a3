export { ShareView } from './share-view';
export { ShareIcon } from './share-icon';
