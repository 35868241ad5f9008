/**
 * Evidence items and their mappings, submissions and their frozen item copies, and the two tables the assessment
 * feature fills: {@link org.peersupport.portal.portfolio.entity.RequirementJudgement} (a requirement met or not) and
 * {@link org.peersupport.portal.portfolio.entity.VerificationSample} (a submission sampled to a verifier).
 */
package org.peersupport.portal.portfolio.entity;
