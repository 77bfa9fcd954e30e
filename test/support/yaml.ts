/**
 * Opens the YAML library for tests that parse decks with front matter
 * synchronously (`loadDeck`); the CLI opens it in `read-deck.ts`.
 */
import {openYaml} from '../../source/deck/formats/yaml.js';

await openYaml();
