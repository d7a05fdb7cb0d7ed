namespace XorNet.Network.Optimizers;

/// <summary>The update rule applied to every parameter array after each backward pass.</summary>
public enum OptimizerKind
{
    /// <summary>The notebook's gradient descent: <c>p -= lr * g</c>.</summary>
    Sgd,

    /// <summary>Heavy-ball momentum: <c>v = mu * v + g; p -= lr * v</c>.</summary>
    Momentum,

    /// <summary>Nesterov momentum: <c>v = mu * v + g; p -= lr * (g + mu * v)</c>.</summary>
    Nesterov,

    /// <summary>Adam with bias correction and epsilon 1e-8.</summary>
    Adam,

    /// <summary>RMSprop with alpha 0.99 and epsilon 1e-8.</summary>
    RmsProp,

    /// <summary>iRPROP−: a per-weight step that grows by 1.2 while the gradient keeps its sign and halves when it flips.</summary>
    Rprop,
}
