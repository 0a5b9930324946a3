/** The notes graph view: the one public entry of this folder. */
export { NoteGraph, type NoteGraphProps } from './note-graph';
