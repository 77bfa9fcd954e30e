// Ink imports react-devtools-core only when DEV=true; lectern never ships it.
export default {initialize() {}, connectToDevTools() {}};
