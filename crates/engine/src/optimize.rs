//! Numerical optimization shared by the models' fits: limited-memory BFGS.

use crate::math::dot;

#[cfg(test)]
mod tests;

/// Minimizes a smooth function given as `value(point, gradient_out)` with limited-memory BFGS and a
/// backtracking line search, for at most `iteration_limit` iterations.
pub fn minimize_with_lbfgs(
    mut objective: impl FnMut(&[f64], &mut [f64]) -> f64,
    start: Vec<f64>,
    iteration_limit: usize,
) -> Vec<f64> {
    const MEMORY: usize = 10;
    let mut point = start;
    let mut gradient = vec![0.0; point.len()];
    let mut value = objective(&point, &mut gradient);
    let (mut point_steps, mut gradient_steps): (Vec<Vec<f64>>, Vec<Vec<f64>>) =
        (Vec::new(), Vec::new());
    let mut candidate = vec![0.0; point.len()];
    let mut candidate_gradient = vec![0.0; point.len()];
    for _ in 0..iteration_limit {
        // Two-loop recursion: direction = -(inverse Hessian estimate) * gradient.
        let mut direction: Vec<f64> = gradient.iter().map(|value| -value).collect();
        let mut step_weights = Vec::with_capacity(point_steps.len());
        for (point_step, gradient_step) in point_steps.iter().zip(&gradient_steps).rev() {
            let weight = dot(point_step, &direction) / dot(gradient_step, point_step);
            direction
                .iter_mut()
                .zip(gradient_step)
                .for_each(|(slot, change)| *slot -= weight * change);
            step_weights.push(weight);
        }
        let initial_scale = match (point_steps.last(), gradient_steps.last()) {
            (Some(point_step), Some(gradient_step)) => {
                dot(point_step, gradient_step) / dot(gradient_step, gradient_step)
            }
            _ => 1.0 / dot(&gradient, &gradient).sqrt().max(1e-12),
        };
        direction.iter_mut().for_each(|slot| *slot *= initial_scale);
        for ((point_step, gradient_step), weight) in point_steps
            .iter()
            .zip(&gradient_steps)
            .zip(step_weights.iter().rev())
        {
            let correction =
                weight - dot(gradient_step, &direction) / dot(gradient_step, point_step);
            direction
                .iter_mut()
                .zip(point_step)
                .for_each(|(slot, change)| *slot += correction * change);
        }
        let mut slope = dot(&direction, &gradient);
        let descends = slope < 0.0;
        if !descends {
            direction = gradient.iter().map(|value| -value).collect();
            slope = dot(&direction, &gradient);
            point_steps.clear();
            gradient_steps.clear();
        }
        let mut step = 1.0;
        let candidate_value = loop {
            candidate
                .iter_mut()
                .zip(&point)
                .zip(&direction)
                .for_each(|((slot, start), change)| *slot = start + step * change);
            let candidate_value = objective(&candidate, &mut candidate_gradient);
            if candidate_value <= value + 1e-4 * step * slope || step < 1e-10 {
                break candidate_value;
            }
            step *= 0.5;
        };
        // Also stops on a NaN value, which compares false.
        let improved = candidate_value <= value;
        if !improved {
            break;
        }
        let point_step: Vec<f64> = candidate
            .iter()
            .zip(&point)
            .map(|(new, old)| new - old)
            .collect();
        let gradient_step: Vec<f64> = candidate_gradient
            .iter()
            .zip(&gradient)
            .map(|(new, old)| new - old)
            .collect();
        std::mem::swap(&mut point, &mut candidate);
        std::mem::swap(&mut gradient, &mut candidate_gradient);
        let improvement = value - candidate_value;
        value = candidate_value;
        if dot(&point_step, &gradient_step) > 1e-12 {
            point_steps.push(point_step);
            gradient_steps.push(gradient_step);
            if point_steps.len() > MEMORY {
                point_steps.remove(0);
                gradient_steps.remove(0);
            }
        }
        if improvement <= 1e-10 * value.abs().max(1.0) {
            break;
        }
    }
    point
}
