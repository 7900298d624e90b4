package io.clinsum.core.dataset.synthetic.internal;

/** Sex of a synthetic patient, with the words notes use for it. */
enum Sex {
  FEMALE("female", "F", "woman", "girl", "she", "her", "her", "Mum", "daughter"),
  MALE("male", "M", "man", "boy", "he", "him", "his", "Dad", "son");

  final String label;
  final String letter;
  final String adult;
  final String child;
  final String subject;
  final String object;
  final String possessive;
  final String asParent;
  final String asChild;

  Sex(
      String label,
      String letter,
      String adult,
      String child,
      String subject,
      String object,
      String possessive,
      String asParent,
      String asChild) {
    this.label = label;
    this.letter = letter;
    this.adult = adult;
    this.child = child;
    this.subject = subject;
    this.object = object;
    this.possessive = possessive;
    this.asParent = asParent;
    this.asChild = asChild;
  }
}
