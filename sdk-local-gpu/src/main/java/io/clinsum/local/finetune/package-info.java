/**
 * Fine-tuning jobs on this machine: the shipped training recipe run as a local process under the
 * same {@code SM_*} contract a SageMaker training job uses.
 */
package io.clinsum.local.finetune;
