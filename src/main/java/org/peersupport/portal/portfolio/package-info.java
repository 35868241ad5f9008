/**
 * The portfolio of evidence: a candidate's evidence items on an enrolment (written pieces, files, reflective log
 * entries, witness testimonies) mapped to the evidence requirements of the enrolment's course version, the matrix of
 * where each requirement stands, submissions per assessment task as immutable numbered snapshots, and who may read
 * evidence content (the candidate, the allocated supervisor, a verifier for work sampled to them), every other read
 * being audited.
 */
package org.peersupport.portal.portfolio;
