"""Small keyboard-first dialogs of the receiving screen; they collect input, the page acts."""
